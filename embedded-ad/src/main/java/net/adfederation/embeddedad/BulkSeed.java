package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A large, deterministic population for benchmarks: users user00001... and groups group0001...
 * in OU=Bulk, every user in up to three groups (a third of them in group0001, a large group) and
 * every tenth group nested in another. All
 * entries, links included, are built in memory and handed to the server in one call, so 10,000
 * users take seconds; they look like any other account (objectSid, objectGUID, USNs, memberOf).
 */
final class BulkSeed {

    /** The password every bulk user binds with. */
    static final String PASSWORD = "Passw0rd!Bulk1";
    static final String OU = "OU=Bulk";

    private final InternalDirectory directory;
    private final AdObjectFactory factory;

    BulkSeed(InternalDirectory directory, AdObjectFactory factory) {
        this.directory = directory;
        this.factory = factory;
    }

    /** Refuses counts that make no population: negative ones, or users with no group to join. */
    static void requireValid(int users, int groups) {
        if (users < 0 || groups < 0 || (users > 0 && groups == 0)) {
            throw new IllegalArgumentException("bulk users need at least one group: " + users + " users, "
                    + groups + " groups");
        }
    }

    void add(int users, int groups) throws LDAPException {
        requireValid(users, groups);
        AdDomainSpec domain = directory.domain();
        String parent = OU + "," + domain.baseDn();
        Entry ou = new Entry(parent);
        ou.addAttribute("objectClass", "organizationalUnit");
        List<Entry> groupEntries = new ArrayList<>(groups);
        for (int g = 1; g <= groups; g++) {
            Entry group = new Entry("CN=" + groupName(g) + "," + parent);
            group.addAttribute("objectClass", "group");
            groupEntries.add(group);
        }
        List<Entry> userEntries = new ArrayList<>(users);
        for (int u = 1; u <= users; u++) {
            String sam = String.format(Locale.ROOT, "user%05d", u);
            Entry user = new Entry("CN=" + sam + "," + parent);
            user.addAttribute("objectClass", "user");
            user.addAttribute("sAMAccountName", sam);
            user.addAttribute("userPrincipalName", domain.upnOf(sam));
            user.addAttribute("givenName", "User");
            user.addAttribute("sn", sam.substring(4));
            user.addAttribute("displayName", "User " + sam.substring(4));
            user.addAttribute("mail", domain.upnOf(sam));
            user.addAttribute("userAccountControl", "512");
            user.addAttribute("unicodePwd", PASSWORD);
            for (int g : BulkLayout.groupsOf(u, groups)) link(groupEntries.get(g - 1), user);
            userEntries.add(user);
        }
        // Nesting: group 10k sits in group k, so group0001 holds group0010, which holds group0100, ...
        for (int g = 1; g <= groups; g++) {
            if (BulkLayout.parentOf(g) > 0) link(groupEntries.get(BulkLayout.parentOf(g) - 1), groupEntries.get(g - 1));
        }
        List<Entry> all = new ArrayList<>(1 + groups + users);
        all.add(factory.complete(ou, null));
        for (Entry group : groupEntries) all.add(factory.complete(group, null));
        for (Entry user : userEntries) all.add(factory.complete(user, null));
        directory.server().addEntries(all);
    }

    static String groupName(int g) {
        return String.format(Locale.ROOT, "group%04d", g);
    }

    /** Writes both ends of the member link before the entries exist (DNs are fixed by now). */
    private static void link(Entry group, Entry member) {
        group.addAttribute("member", member.getDN());
        member.addAttribute("memberOf", group.getDN());
    }
}
