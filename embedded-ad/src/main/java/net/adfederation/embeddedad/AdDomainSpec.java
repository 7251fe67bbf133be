package net.adfederation.embeddedad;

import java.util.Locale;
import java.util.Objects;

/**
 * The identity of one emulated AD domain: its DNS name, NetBIOS name and domain SID. Everything
 * else (base DN, configuration partition, UPN suffix, object SIDs) is derived from these three,
 * so a second forest such as PARTNER is just another spec.
 *
 * @param dnsName     DNS name of the domain, e.g. corp.example.test
 * @param netbiosName NetBIOS (down-level) name, e.g. CORP
 * @param domainSid   the domain SID, S-1-5-21-x-y-z; object SIDs are this plus a RID
 * @param dcName      the DC's host label, e.g. DC1 (its DNS name is DC1.corp.example.test)
 */
public record AdDomainSpec(String dnsName, String netbiosName, String domainSid, String dcName) {

    /** The CORP domain that mirrors the Samba test DC on 127.0.0.2. */
    public static final AdDomainSpec CORP =
            new AdDomainSpec("corp.example.test", "CORP", "S-1-5-21-1004336348-1177238915-682003330", "DC1");

    /** The PARTNER forest that mirrors `ad-dc.sh up-trust`'s second DC on 127.0.0.3. */
    public static final AdDomainSpec PARTNER =
            new AdDomainSpec("partner.example.test", "PARTNER", "S-1-5-21-2831234478-4045186038-247466307", "DC2");

    public AdDomainSpec {
        Objects.requireNonNull(dnsName, "dnsName");
        Objects.requireNonNull(netbiosName, "netbiosName");
        Objects.requireNonNull(domainSid, "domainSid");
        Objects.requireNonNull(dcName, "dcName");
        dnsName = dnsName.toLowerCase(Locale.ROOT);
        netbiosName = netbiosName.toUpperCase(Locale.ROOT);
        if (!domainSid.startsWith("S-1-5-21-")) {
            throw new IllegalArgumentException("a domain SID starts with S-1-5-21-: " + domainSid);
        }
    }

    /** A domain whose DC is called DC1, as Samba names the first DC it provisions. */
    public AdDomainSpec(String dnsName, String netbiosName, String domainSid) {
        this(dnsName, netbiosName, domainSid, "DC1");
    }

    /** DC=corp,DC=example,DC=test for corp.example.test. */
    public String baseDn() {
        StringBuilder dn = new StringBuilder();
        for (String label : dnsName.split("\\.")) {
            if (dn.length() > 0) dn.append(',');
            dn.append("DC=").append(label);
        }
        return dn.toString();
    }

    /** The configuration naming context; a single-domain forest keeps it under the domain's DN. */
    public String configurationDn() {
        return "CN=Configuration," + baseDn();
    }

    /** The default container for users and groups. */
    public String usersDn() {
        return "CN=Users," + baseDn();
    }

    /** The implicit UPN AD accepts for every account: sam@dnsName. */
    public String upnOf(String samAccountName) {
        return samAccountName + "@" + dnsName;
    }

    /** The SID of the object with this relative id. */
    public String sidOf(int rid) {
        return domainSid + "-" + Integer.toUnsignedString(rid);
    }

    /** The DN under which the domain's schema objects (object categories) live. */
    public String schemaDn() {
        return "CN=Schema," + configurationDn();
    }

    /** A host name for the emulated DC, shaped like Samba's (DC1.corp.example.test). */
    public String dcHostName() {
        return dcName + "." + dnsName;
    }

    /** The DC's server object in the configuration partition; its NTDS Settings child is the dsServiceName. */
    public String serverDn() {
        return "CN=" + dcName + ",CN=Servers,CN=Default-First-Site-Name,CN=Sites," + configurationDn();
    }
}
