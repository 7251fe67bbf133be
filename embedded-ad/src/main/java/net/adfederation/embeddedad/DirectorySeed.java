package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a fresh domain: the domain object with Samba's default policy, the containers, the
 * configuration partition with the crossRef that maps the NetBIOS name to the domain,
 * Administrator and Domain Admins, and optionally the demo accounts of {@link SeedAccounts}.
 */
final class DirectorySeed {

    private final InternalDirectory directory;
    private final AdObjectFactory factory;
    private final MemberLinks links;
    private final AdDomainSpec domain;

    DirectorySeed(InternalDirectory directory, AdObjectFactory factory, MemberLinks links) {
        this.directory = directory;
        this.factory = factory;
        this.links = links;
        this.domain = directory.domain();
    }

    void seedDomain() throws LDAPException {
        directory.add(domainObject());
        container("CN=Users", "container");
        container("CN=Computers", "container");
        container("CN=System", "container");
        container("CN=ForeignSecurityPrincipals", "container");
        deletedObjectsContainer();
        container("CN=Configuration", "configuration");
        container("CN=Partitions,CN=Configuration", "crossRefContainer");
        Entry crossRef = new Entry("CN=" + domain.netbiosName() + ",CN=Partitions," + domain.configurationDn());
        crossRef.addAttribute("objectClass", "crossRef");
        crossRef.addAttribute("nCName", domain.baseDn());
        crossRef.addAttribute("dnsRoot", domain.dnsName());
        crossRef.addAttribute("nETBIOSName", domain.netbiosName());
        crossRef.addAttribute("systemFlags", "3");
        directory.add(factory.complete(crossRef, null));
        seedServer();

        Entry administrator = user("Administrator", SeedAccounts.ADMINISTRATOR_PASSWORD, domain.usersDn());
        administrator.addAttribute("description", "Built-in account for administering the computer/domain");
        administrator.addAttribute("adminCount", "1");
        administrator.addAttribute("isCriticalSystemObject", "TRUE");
        directory.add(factory.complete(administrator, 500));
        Entry domainAdmins = group("Domain Admins", "Designated administrators of the domain");
        domainAdmins.addAttribute("member", administrator.getDN());
        directory.add(factory.complete(domainAdmins, 512));
        links.addBackLinks(domainAdmins.getParsedDN(), List.of(administrator.getParsedDN()));
        directory.add(factory.complete(group("Domain Users", "All domain users"), 513));
    }

    /** The accounts `ad-dc.sh` creates in this domain, in the same order so RIDs match Samba's. */
    void seedDemoAccounts() throws LDAPException {
        SeedAccounts.Seed accounts = SeedAccounts.forDomain(domain);
        for (String ou : accounts.organizationalUnits()) container(ou, "organizationalUnit");
        Map<String, DN> byName = new LinkedHashMap<>();
        for (SeedAccounts.SeedUser seed : accounts.users()) {
            String parent = seed.ou() == null ? domain.usersDn() : seed.ou() + "," + domain.baseDn();
            Entry user = user(seed.cn(), seed.password(), parent);
            user.setAttribute("sAMAccountName", seed.sam());
            user.addAttribute("userPrincipalName", domain.upnOf(seed.sam()));
            if (seed.givenName() != null) {
                user.addAttribute("givenName", seed.givenName());
                user.addAttribute("sn", seed.surname());
                user.addAttribute("displayName", seed.cn());
            }
            if (seed.mail() != null) user.addAttribute("mail", seed.mail());
            if (seed.description() != null) user.addAttribute("description", seed.description());
            if (seed.disabled()) user.setAttribute("userAccountControl", "514");
            if (seed.mustChangePassword()) user.addAttribute("pwdLastSet", "0");
            directory.add(factory.complete(user, null));
            byName.put(seed.sam(), user.getParsedDN());
        }
        for (SeedAccounts.SeedGroup seed : accounts.groups()) {
            Entry group = group(seed.name(), seed.description());
            directory.add(factory.complete(group, null));
            byName.put(seed.name(), group.getParsedDN());
        }
        for (SeedAccounts.SeedGroup seed : accounts.groups()) {
            List<DN> members = new ArrayList<>();
            for (String member : seed.members()) members.add(byName.get(member));
            DN group = byName.get(seed.name());
            for (DN member : members) {
                directory.modifyStamped(group, new Modification(ModificationType.ADD, "member", member.toString()));
            }
            links.addBackLinks(group, members);
        }
    }

    /**
     * The DC's server object and its NTDS Settings, the rootDSE's dsServiceName: a sync cursor
     * names the DC by its invocationId, new at every start as after a restore, so no cursor
     * outlives the in-memory data it counted.
     */
    private void seedServer() throws LDAPException {
        String configuration = domain.configurationDn();
        add(new Entry("CN=Sites," + configuration), "sitesContainer");
        add(new Entry("CN=Default-First-Site-Name,CN=Sites," + configuration), "site");
        add(new Entry("CN=Servers,CN=Default-First-Site-Name,CN=Sites," + configuration), "serversContainer");
        Entry server = new Entry(domain.serverDn());
        server.addAttribute("dNSHostName", domain.dcHostName());
        add(server, "server");
        Entry settings = new Entry("CN=NTDS Settings," + domain.serverDn());
        settings.addAttribute("invocationId", AdBinary.guidBytes(UUID.randomUUID()));
        settings.addAttribute("options", "1");
        add(settings, "nTDSDSA");
    }

    /** Where tombstones go; it is itself marked deleted, so only Show Deleted searches see it. */
    private void deletedObjectsContainer() throws LDAPException {
        Entry entry = new Entry(Tombstones.deletedObjectsDn(domain));
        entry.addAttribute("description", "Container for deleted objects");
        entry.addAttribute("isDeleted", "TRUE");
        entry.addAttribute("showInAdvancedViewOnly", "TRUE");
        entry.addAttribute("isCriticalSystemObject", "TRUE");
        entry.addAttribute("systemFlags", "-1946157056");
        add(entry, "container");
    }

    private void add(Entry entry, String objectClass) throws LDAPException {
        entry.addAttribute("objectClass", objectClass);
        directory.add(factory.complete(entry, null));
    }

    private Entry domainObject() {
        Entry entry = new Entry(domain.baseDn());
        entry.addAttribute("objectClass", AdSchema.classChain("domainDNS"));
        String label = domain.dnsName().split("\\.")[0];
        entry.addAttribute("dc", label);
        entry.addAttribute("name", label);
        entry.addAttribute("distinguishedName", domain.baseDn());
        entry.addAttribute("objectSid", AdBinary.sidBytes(domain.domainSid()));
        entry.addAttribute("objectGUID", AdBinary.guidBytes(UUID.randomUUID()));
        entry.addAttribute("objectCategory", factory.objectCategoryDn("domainDNS"));
        entry.addAttribute("instanceType", "5");
        String now = FileTime.generalized(directory.stamp().now());
        entry.addAttribute("whenCreated", now);
        entry.addAttribute("whenChanged", now);
        String usn = Long.toString(directory.stamp().nextUsn());
        entry.addAttribute("uSNCreated", usn);
        entry.addAttribute("uSNChanged", usn);
        // Samba's provisioning defaults: no lockout, 30 min windows, 42 days max age, 7 chars, complexity.
        entry.addAttribute("lockoutThreshold", "0");
        entry.addAttribute("lockoutDuration", "-18000000000");
        entry.addAttribute("lockOutObservationWindow", "-18000000000");
        entry.addAttribute("maxPwdAge", "-36288000000000");
        entry.addAttribute("minPwdAge", "0");
        entry.addAttribute("minPwdLength", "7");
        entry.addAttribute("pwdHistoryLength", "0");
        entry.addAttribute("pwdProperties", "1");
        entry.addAttribute("msDS-Behavior-Version", "4");
        entry.addAttribute("nTMixedDomain", "0");
        return entry;
    }

    private void container(String relativeDn, String objectClass) throws LDAPException {
        add(new Entry(relativeDn + "," + domain.baseDn()), objectClass);
    }

    private static Entry user(String cn, String password, String parentDn) throws LDAPException {
        Entry entry = new Entry(child(cn, parentDn));
        entry.addAttribute("objectClass", "user");
        entry.addAttribute("userAccountControl", "512");
        entry.addAttribute("unicodePwd", password);
        return entry;
    }

    private Entry group(String name, String description) throws LDAPException {
        Entry entry = new Entry(child(name, domain.usersDn()));
        entry.addAttribute("objectClass", "group");
        if (description != null) entry.addAttribute("description", description);
        return entry;
    }

    private static DN child(String cn, String parentDn) throws LDAPException {
        return new DN(new RDN("CN", cn), new DN(parentDn));
    }
}
