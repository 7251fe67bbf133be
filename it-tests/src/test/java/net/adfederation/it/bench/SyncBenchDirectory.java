package net.adfederation.it.bench;

import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.DirectoryRights;

/**
 * The directory a sync benchmark runs against, holding its bulk users and groups: the embedded AD
 * ({@link EmbeddedBench}) or the Samba DC ({@link SambaBench}).
 */
public interface SyncBenchDirectory extends AutoCloseable {

    /** For the table's heading: what and how much. */
    String description();

    /** The URL both providers read. */
    String ldapUrl();

    String baseDn();

    /** Where the built-in provider's group mapper reads groups: the base DN unless the directory says otherwise. */
    default String groupsDn() {
        return baseDn();
    }

    /** An administrator's client, for the edits between syncs. */
    DirectoryAdmin admin();

    /** Grants and takes back the rights of svc-keycloak. */
    DirectoryRights rights();

    /** The sAMAccountName of bulk user n (1-based). */
    String user(int n);

    /** Values for corp-trust.json's placeholders, for a realm reading this directory. */
    Map<String, String> trustRealmValues();

    /** LDAP operations since the last reset, or -1 where the directory does not count them. */
    long operations();

    void resetOperations();

    @Override
    void close();
}
