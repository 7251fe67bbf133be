package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;

/** Connections to an embedded AD as its seeded accounts, for tests of one behaviour each. */
final class EmbeddedAdFixture {

    static final String ADMIN = "Administrator@corp.example.test";
    static final String ADMIN_PASSWORD = "Passw0rd!Admin";
    static final String BASE = "DC=corp,DC=example,DC=test";
    static final String USERS = "CN=Users," + BASE;
    static final String ALICE = "CN=Alice Smith," + USERS;

    private EmbeddedAdFixture() {
    }

    static LDAPConnection ldapAsAdmin(EmbeddedActiveDirectory ad) throws LDAPException {
        LDAPConnection connection = plainEndpoint(ad).connect();
        connection.bind(ADMIN, ADMIN_PASSWORD);
        return connection;
    }

    static LDAPConnection ldapsAsAdmin(EmbeddedActiveDirectory ad) throws LDAPException {
        LDAPConnection connection = tlsEndpoint(ad).connect();
        connection.bind(ADMIN, ADMIN_PASSWORD);
        return connection;
    }

    static LdapEndpoint plainEndpoint(EmbeddedActiveDirectory ad) {
        return new LdapEndpoint(ad.ldapUrl(), null);
    }

    static LdapEndpoint tlsEndpoint(EmbeddedActiveDirectory ad) {
        return new LdapEndpoint(ad.ldapsUrl(), ad.caCertificatePath());
    }

    static DirectoryAdmin admin(EmbeddedActiveDirectory ad) {
        return new DirectoryAdmin(ad.ldapsUrl(), ad.caCertificatePath(), ADMIN, ADMIN_PASSWORD, BASE);
    }
}
