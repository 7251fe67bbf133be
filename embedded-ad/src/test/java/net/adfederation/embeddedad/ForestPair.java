package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPConnection;
import java.nio.file.Path;

/**
 * CORP and PARTNER as a trust-mode test reaches them, embedded or on Samba, over LDAPS as each
 * forest's Administrator. Closing it stops the embedded forests; the Samba ones keep running.
 */
final class ForestPair implements AutoCloseable {

    /** One forest's LDAPS endpoint and admin. */
    record Forest(String ldapsUrl, Path caPem, String adminName, String baseDn) {
        DirectoryAdmin admin() {
            return new DirectoryAdmin(ldapsUrl, caPem, adminName, SambaDc.ADMIN_PASSWORD, baseDn);
        }

        LDAPConnection connect() throws Exception {
            LDAPConnection connection = new LdapEndpoint(ldapsUrl, caPem).connect();
            connection.bind(adminName, SambaDc.ADMIN_PASSWORD);
            return connection;
        }
    }

    final Forest corp;
    final Forest partner;
    private final EmbeddedForests embedded;

    private ForestPair(Forest corp, Forest partner, EmbeddedForests embedded) {
        this.corp = corp;
        this.partner = partner;
        this.embedded = embedded;
    }

    /** Two-way trust either way; the Samba target is skipped (or fails) as {@link SambaDc} decides. */
    static ForestPair open(DirectoryUnderTest.Target target) throws Exception {
        if (target == DirectoryUnderTest.Target.SAMBA) {
            SambaDc.assumeForestsRunning();
            return new ForestPair(new Forest(SambaDc.LDAPS_URL, SambaDc.CA_PEM, SambaDc.ADMIN, SambaDc.BASE_DN),
                    new Forest(SambaDc.PARTNER_LDAPS_URL, SambaDc.PARTNER_CA_PEM, SambaDc.PARTNER_ADMIN,
                            SambaDc.PARTNER_BASE_DN), null);
        }
        EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL);
        return new ForestPair(of(forests.corp(), SambaDc.ADMIN), of(forests.partner(), SambaDc.PARTNER_ADMIN), forests);
    }

    private static Forest of(EmbeddedActiveDirectory dc, String admin) {
        return new Forest(dc.ldapsUrl(), dc.caCertificatePath(), admin, dc.baseDn());
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
    }
}
