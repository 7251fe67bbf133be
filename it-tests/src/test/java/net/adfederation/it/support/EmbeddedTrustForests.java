package net.adfederation.it.support;

import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;

/**
 * The embedded CORP and PARTNER forests with a two-way trust, started once per test run. The
 * embedded AD cannot do Kerberos, so the realm reads PARTNER with crossForestLogin=simple (the
 * embedded PARTNER accepts CORP's service account when its trust lets CORP read it).
 */
public final class EmbeddedTrustForests implements TrustForests {

    private EmbeddedForests forests;
    private DirectoryAdmin corpAdmin;
    private DirectoryAdmin partnerAdmin;

    @Override
    public String name() {
        return "embedded";
    }

    /** The running pair, for their operation logs and relays. */
    public synchronized EmbeddedForests forests() {
        if (forests == null) {
            forests = start(TrustDirection.BIDIRECTIONAL);
            Runtime.getRuntime().addShutdownHook(new Thread(forests::close));
        }
        return forests;
    }

    /** A pair of forests with the trust given (seen from CORP); the caller closes it. */
    public static EmbeddedForests start(TrustDirection fromCorp) {
        try {
            return EmbeddedForests.startTrusting(fromCorp);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded forests did not start", e);
        }
    }

    /** corp-trust.json's values for a pair of embedded forests. */
    public static Map<String, String> realmFileValues(EmbeddedForests pair) {
        return Map.of("AD_SERVER_URLS", pair.corp().ldapUrl(),
                "AD_DOMAIN_CONTROLLERS", "partner.example.test=" + pair.partner().ldapUrl(),
                "AD_BIND_CREDENTIAL", AdFederationServerConfig.VAULT_REFERENCE,
                "AD_ALLOW_INSECURE_BIND", "true",
                "AD_CROSS_FOREST_LOGIN", "simple");
    }

    @Override
    public Map<String, String> realmFileValues() {
        return realmFileValues(forests());
    }

    @Override
    public synchronized DirectoryAdmin corpAdmin() {
        if (corpAdmin == null) corpAdmin = adminOf(forests().corp(), "Administrator@corp.example.test");
        return corpAdmin;
    }

    @Override
    public synchronized DirectoryAdmin partnerAdmin() {
        if (partnerAdmin == null) partnerAdmin = adminOf(forests().partner(), "Administrator@partner.example.test");
        return partnerAdmin;
    }

    private static DirectoryAdmin adminOf(EmbeddedActiveDirectory dc, String admin) {
        return new DirectoryAdmin(dc.ldapsUrl(), dc.caCertificatePath(), admin, "Passw0rd!Admin", dc.baseDn());
    }

    @Override
    public void assumeAvailable() {
        forests();
    }
}
