package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Optional;

/**
 * The trustedDomain object a DC keeps for each trusted forest, under CN=System, shaped as the
 * Samba DCs of `ad-dc.sh up-trust` hold it: a forest trust (trustType 2 uplevel,
 * trustAttributes 8 FOREST_TRANSITIVE) naming the partner by DNS name, NetBIOS name and SID. The
 * bind rules read trustDirection back from here, so changing the object changes what is allowed.
 */
final class TrustObjects {

    static final int TRUST_TYPE_UPLEVEL = 2;
    static final int TRUST_ATTRIBUTE_FOREST_TRANSITIVE = 8;
    /** AES128 and AES256, what Samba writes on a new forest trust. */
    private static final int AES_ENCRYPTION_TYPES = 24;

    private final InternalDirectory directory;
    private final AdObjectFactory factory;

    TrustObjects(InternalDirectory directory, AdObjectFactory factory) {
        this.directory = directory;
        this.factory = factory;
    }

    /** Writes (or rewrites) the object for the partner with the direction as seen from this side. */
    void trust(AdDomainSpec partner, TrustDirection direction) throws LDAPException {
        DN dn = dnFor(partner);
        if (directory.entry(dn).isPresent()) directory.server().delete(dn.toString());
        Entry entry = new Entry(dn);
        entry.addAttribute("objectClass", "trustedDomain");
        entry.addAttribute("trustPartner", partner.dnsName());
        entry.addAttribute("flatName", partner.netbiosName());
        entry.addAttribute("securityIdentifier", AdBinary.sidBytes(partner.domainSid()));
        entry.addAttribute("trustDirection", Integer.toString(direction.value()));
        entry.addAttribute("trustType", Integer.toString(TRUST_TYPE_UPLEVEL));
        entry.addAttribute("trustAttributes", Integer.toString(TRUST_ATTRIBUTE_FOREST_TRANSITIVE));
        entry.addAttribute("msDS-SupportedEncryptionTypes", Integer.toString(AES_ENCRYPTION_TYPES));
        entry.addAttribute("showInAdvancedViewOnly", "TRUE");
        directory.add(factory.complete(entry, null));
    }

    /** The trustDirection this side states toward the partner, if it has an object for it. */
    Optional<Long> directionToward(AdDomainSpec partner) throws LDAPException {
        return directory.entry(dnFor(partner))
                .map(entry -> DomainPolicy.longOf(entry, "trustDirection", 0));
    }

    private DN dnFor(AdDomainSpec partner) throws LDAPException {
        return new DN("CN=" + partner.dnsName() + ",CN=System," + directory.domain().baseDn());
    }
}
