package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One directory a parity test runs against (the embedded AD or the Samba DC), reached over LDAPS
 * only. Names it creates are unique and are deleted on close, so the shared Samba DC is left as found.
 */
final class DirectoryUnderTest implements AutoCloseable {

    /** Where a parity scenario runs: the embedded AD, or the Samba DC of `ad-dc.sh` on 127.0.0.2. */
    enum Target { EMBEDDED, SAMBA }

    final DirectoryAdmin admin;
    final LdapEndpoint endpoint;
    final String baseDn;
    private final LDAPConnection reader;
    private final List<String> createdUsers = new ArrayList<>();
    private final List<String> createdGroups = new ArrayList<>();

    DirectoryUnderTest(String ldapsUrl, Path caPem, String adminName, String adminPassword, String baseDn)
            throws LDAPException {
        this.admin = new DirectoryAdmin(ldapsUrl, caPem, adminName, adminPassword, baseDn);
        this.endpoint = new LdapEndpoint(ldapsUrl, caPem);
        this.baseDn = baseDn;
        this.reader = endpoint.connect();
        reader.bind(adminName, adminPassword);
    }

    /** CORP on the target; the Samba run is skipped (or fails) as {@link SambaDc#assumeRunning()} decides. */
    static DirectoryUnderTest open(Target target, EmbeddedActiveDirectory embedded) throws LDAPException {
        if (target == Target.SAMBA) {
            SambaDc.assumeRunning();
            return new DirectoryUnderTest(SambaDc.LDAPS_URL, SambaDc.CA_PEM, SambaDc.ADMIN, SambaDc.ADMIN_PASSWORD,
                    SambaDc.BASE_DN);
        }
        return new DirectoryUnderTest(embedded.ldapsUrl(), embedded.caCertificatePath(), EmbeddedAdFixture.ADMIN,
                EmbeddedAdFixture.ADMIN_PASSWORD, embedded.baseDn());
    }

    /** A fresh, unique account name such as pty-3fa9c1 (sAMAccountName allows 20 characters). */
    static String uniqueName(String prefix) {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    /** A user made for one test, with the names it binds by. */
    record TestUser(String sam, String dn) {
        String upn() {
            return sam + "@corp.example.test";
        }

        String downLevel() {
            return "CORP\\" + sam;
        }
    }

    /** Creates an enabled user with a unique name, deleted again on close. */
    TestUser newUser(String password) {
        String sam = uniqueName("pty");
        return new TestUser(sam, createUser(sam, password));
    }

    String createUser(String sam, String password) {
        String dn = admin.createUser(sam, password, "Parity", "Tester", sam + "@corp.example.test");
        createdUsers.add(sam);
        return dn;
    }

    String createGroup(String name) {
        String dn = admin.createGroup(name);
        createdGroups.add(name);
        return dn;
    }

    void forgetUser(String sam) {
        createdUsers.remove(sam);
    }

    String bind(String name, String password) throws LDAPException {
        return Binds.outcome(endpoint, name, password);
    }

    List<String> memberOf(String dn) throws LDAPException {
        String[] values = reader.getEntry(dn, "memberOf").getAttributeValues("memberOf");
        return values == null ? List.of() : List.of(values);
    }

    /** The SIDs of the entry's tokenGroups, read as AD allows it: a base read asking for it by name. */
    List<String> tokenGroups(String dn) throws LDAPException {
        byte[][] values = reader.getEntry(dn, "tokenGroups").getAttributeValueByteArrays("tokenGroups");
        return values == null ? List.of() : java.util.Arrays.stream(values).map(AdBinary::sidString).toList();
    }

    /** A base-scope read of {@code base} (a DN, or an extended DN such as {@code <GUID=...>}); null when the filter does not match. */
    com.unboundid.ldap.sdk.SearchResultEntry baseRead(String base, String filter, String... attributes) throws LDAPException {
        return reader.searchForEntry(base, SearchScope.BASE, filter, attributes);
    }

    /** sAMAccountNames of the entries matching the filter anywhere in the domain. */
    List<String> names(String filter) throws LDAPException {
        return reader.search(baseDn, SearchScope.SUB, Filter.create(filter), "sAMAccountName").getSearchEntries()
                .stream().map(entry -> entry.getAttributeValue("sAMAccountName")).toList();
    }

    @Override
    public void close() {
        for (String sam : createdUsers) quietly(() -> admin.deleteUser(sam));
        for (String group : createdGroups) quietly(() -> admin.deleteGroup(group));
        reader.close();
        admin.close();
    }

    private static void quietly(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            // Already gone (the test deleted it); nothing else is left behind.
        }
    }
}
