package net.adfederation.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import net.adfederation.embeddedad.BulkLayout;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.DirectoryRights;
import net.adfederation.embeddedad.SambaAcl;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.SambaTrustForests;

/**
 * The Samba DC of `ad-dc.sh` with a bulk population of its own in OU=Bench (bnch00001...,
 * bgrp0001..., memberships as the embedded AD's bulk seed makes them: up to three groups a user, a
 * third of the users in bgrp0001, every tenth group nested), added when the benchmark starts and
 * removed with the OU (tree delete) when it ends, so the shared DC is left as found. The accounts
 * are disabled (they have no password, and need none to be synchronised). Samba does not count
 * operations; rights are written into its ACLs by {@link SambaAcl}.
 */
public final class SambaBench implements SyncBenchDirectory {

    private static final String BASE = "DC=corp,DC=example,DC=test";
    private static final String OU = "OU=Bench," + BASE;

    /**
     * -Dadfed.bench.keepSambaPopulation=true leaves OU=Bench in place at the end. A run that finds one of its
     * own size (the OU's description names it, written once the population is complete) takes it
     * instead of making it again, after putting back what the changed syncs' edits changed. Samba
     * takes minutes to add and to remove 10,000 users; the runs on H2 and then PostgreSQL of
     * it-tests/sync-benchmarks.sh share one population so.
     */
    private static final boolean KEEP = Boolean.getBoolean("adfed.bench.keepSambaPopulation");
    /** The edits of one benchmark run touch users 11..100 (9 rounds of 10): those are put back before a reuse. */
    private static final int EDITED_USERS = 200;

    private final DirectoryAdmin admin;
    private final SambaAcl rights;
    private final int users;
    private final int groups;

    public SambaBench(int users, int groups) throws LDAPException {
        new SambaDirectory().assumeAvailable();
        this.admin = new SambaDirectory().admin();
        this.rights = new SambaAcl(SambaDirectory.BASE.resolve("corp"), BASE, admin);
        this.users = users;
        this.groups = groups;
        try (LDAPConnection connection = connect()) {
            if (sizeOf(connection).equals(size())) {
                repairEditedUsers(connection);
            } else {
                removeOu(connection);
                populate(connection);
            }
        }
    }

    private String size() {
        return "bench users=" + users + " groups=" + groups;
    }

    private static String sizeOf(LDAPConnection connection) throws LDAPException {
        Entry ou = connection.getEntry(OU, "description");
        return ou == null ? "" : String.valueOf(ou.getAttributeValue("description"));
    }

    /** The users an earlier run's edits changed or deleted, as {@link #populate} made them. */
    private void repairEditedUsers(LDAPConnection connection) throws LDAPException {
        for (int u = 1; u <= Math.min(users, EDITED_USERS); u++) {
            Entry user = userEntry(u);
            if (connection.getEntry(user.getDN(), "mail") == null) {
                connection.add(user);
                for (int g : BulkLayout.groupsOf(u, groups)) {
                    connection.modify(groupDn(g), new Modification(ModificationType.ADD, "member", user.getDN()));
                }
            } else {
                connection.modify(user.getDN(), new Modification(ModificationType.REPLACE, "mail", user.getAttributeValue("mail")));
            }
        }
    }

    private static LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.2", 389, "Administrator@corp.example.test", "Passw0rd!Admin");
    }

    private void populate(LDAPConnection connection) throws LDAPException {
        connection.add(new Entry(OU, new com.unboundid.ldap.sdk.Attribute("objectClass", "organizationalUnit")));
        List<List<String>> members = new ArrayList<>();
        for (int g = 1; g <= groups; g++) {
            connection.add(new Entry(groupDn(g), new com.unboundid.ldap.sdk.Attribute("objectClass", "group"),
                    new com.unboundid.ldap.sdk.Attribute("sAMAccountName", group(g))));
            members.add(new ArrayList<>());
        }
        for (int u = 1; u <= users; u++) {
            Entry user = userEntry(u);
            connection.add(user);
            for (int g : BulkLayout.groupsOf(u, groups)) members.get(g - 1).add(user.getDN());
        }
        for (int g = 1; g <= groups; g++) {
            if (BulkLayout.parentOf(g) > 0) members.get(BulkLayout.parentOf(g) - 1).add(groupDn(g));
        }
        for (int g = 1; g <= groups; g++) {
            List<String> dns = members.get(g - 1);
            for (int from = 0; from < dns.size(); from += 1000) {
                connection.modify(groupDn(g), new Modification(ModificationType.ADD, "member",
                        dns.subList(from, Math.min(dns.size(), from + 1000)).toArray(String[]::new)));
            }
        }
        connection.modify(OU, new Modification(ModificationType.REPLACE, "description", size()));
    }

    private Entry userEntry(int u) {
        String sam = user(u);
        Entry user = new Entry("CN=" + sam + "," + OU);
        user.addAttribute("objectClass", "user");
        user.addAttribute("sAMAccountName", sam);
        user.addAttribute("userPrincipalName", sam + "@corp.example.test");
        user.addAttribute("givenName", "Bench");
        user.addAttribute("sn", sam.substring(4));
        user.addAttribute("displayName", "Bench " + sam.substring(4));
        user.addAttribute("mail", sam + "@corp.example.test");
        user.addAttribute("userAccountControl", "514");
        return user;
    }

    private static void removeOu(LDAPConnection connection) throws LDAPException {
        if (connection.getEntry(OU) == null) return;
        DeleteRequest tree = new DeleteRequest(OU);
        tree.addControl(new SubtreeDeleteRequestControl(true));
        // Samba takes minutes to delete 10,000 users; the SDK's default 30 s would leave them behind.
        tree.setResponseTimeoutMillis(Duration.ofMinutes(15).toMillis());
        connection.delete(tree);
    }

    private static String group(int g) {
        return String.format(Locale.ROOT, "bgrp%04d", g);
    }

    private static String groupDn(int g) {
        return "CN=" + group(g) + "," + OU;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "the Samba 4.17 DC with %,d users and %,d groups in OU=Bench (disabled accounts)"
                + " beside its own", users, groups);
    }

    @Override
    public String ldapUrl() {
        return "ldaps://" + SambaDirectory.HOST + ":636";
    }

    @Override
    public String baseDn() {
        return BASE;
    }

    /**
     * The benchmark's groups only: Samba's own groups nest into several parents (Domain Admins in
     * Administrators and Denied RODC Password Replication Group...), which Keycloak's group mapper
     * with inheritance refuses ("GroupsMultipleParents"); ad-trust takes them all.
     */
    @Override
    public String groupsDn() {
        return OU;
    }

    @Override
    public DirectoryAdmin admin() {
        return admin;
    }

    @Override
    public DirectoryRights rights() {
        return rights;
    }

    @Override
    public String user(int n) {
        return String.format(Locale.ROOT, "bnch%05d", n);
    }

    @Override
    public Map<String, String> trustRealmValues() {
        return Map.of("AD_SERVER_URLS", ldapUrl(), "AD_DOMAIN_CONTROLLERS",
                "partner.example.test=ldaps://" + SambaTrustForests.PARTNER_HOST + ":636",
                "AD_BIND_CREDENTIAL", AdFederationServerConfig.VAULT_REFERENCE, "AD_CROSS_FOREST_LOGIN", "kerberos",
                "AD_READ_TIMEOUT_MS", "60000", "AD_FULL_SYNC_PERIOD", "-1", "AD_CHANGED_SYNC_PERIOD", "-1");
    }

    @Override
    public long operations() {
        return -1;
    }

    @Override
    public void resetOperations() {
        // Samba keeps no count a client can read.
    }

    @Override
    public void close() {
        try (LDAPConnection connection = connect()) {
            if (!KEEP) removeOu(connection);
        } catch (LDAPException e) {
            throw new IllegalStateException("OU=Bench could not be removed from the Samba DC: " + e.getMessage(), e);
        } finally {
            admin.close();
        }
    }
}
