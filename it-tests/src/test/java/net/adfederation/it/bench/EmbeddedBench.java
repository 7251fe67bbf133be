package net.adfederation.it.bench;

import java.util.Locale;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.DirectoryRights;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.it.support.AdFederationServerConfig;

/** The embedded AD with its bulk seed (user00001..., group0001...), in this JVM; it counts every operation. */
public final class EmbeddedBench implements SyncBenchDirectory {

    private final EmbeddedActiveDirectory ad;
    private final DirectoryAdmin admin;
    private final int users;
    private final int groups;

    public EmbeddedBench(int users, int groups) throws Exception {
        this.ad = EmbeddedActiveDirectory.builder().bulkUsers(users, groups).start();
        this.admin = new DirectoryAdmin(ad.ldapsUrl(), ad.caCertificatePath(), "Administrator@corp.example.test",
                "Passw0rd!Admin", ad.baseDn());
        this.users = users;
        this.groups = groups;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "the embedded AD with %,d bulk users and %,d groups", users, groups);
    }

    @Override
    public String ldapUrl() {
        return ad.ldapUrl();
    }

    @Override
    public String baseDn() {
        return ad.baseDn();
    }

    @Override
    public DirectoryAdmin admin() {
        return admin;
    }

    @Override
    public DirectoryRights rights() {
        return ad;
    }

    @Override
    public String user(int n) {
        return String.format(Locale.ROOT, "user%05d", n);
    }

    @Override
    public Map<String, String> trustRealmValues() {
        return Map.of("AD_SERVER_URLS", ad.ldapUrl(), "AD_BIND_CREDENTIAL", AdFederationServerConfig.VAULT_REFERENCE,
                "AD_ALLOW_INSECURE_BIND", "true", "AD_TRUSTED_DOMAINS", "", "AD_CROSS_FOREST_LOGIN", "simple",
                "AD_READ_TIMEOUT_MS", "60000", "AD_FULL_SYNC_PERIOD", "-1", "AD_CHANGED_SYNC_PERIOD", "-1");
    }

    @Override
    public long operations() {
        return ad.operationCounts().total();
    }

    @Override
    public void resetOperations() {
        ad.resetOperationCounts();
    }

    @Override
    public void close() {
        admin.close();
        ad.close();
    }
}
