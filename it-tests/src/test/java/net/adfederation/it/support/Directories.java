package net.adfederation.it.support;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.admin.client.Keycloak;

/**
 * The directories every connector test runs against, and their realms in the shared Keycloak
 * (imported once per test run from realm-config/).
 */
public final class Directories {

    public static final String CLIENT = "demo-app";

    private static final TestDirectory EMBEDDED = new EmbeddedDirectory();
    private static final TestDirectory SAMBA = new SambaDirectory();
    private static final Set<String> imported = new HashSet<>();

    private Directories() {
    }

    /** For {@code @MethodSource}: the same cases on the embedded AD and on Samba. */
    public static Stream<TestDirectory> both() {
        return Stream.of(EMBEDDED, SAMBA);
    }

    public static EmbeddedDirectory embedded() {
        return (EmbeddedDirectory) EMBEDDED;
    }

    public static TestDirectory samba() {
        return SAMBA;
    }

    /** Makes sure the directory is there and its realm is imported; returns the directory. */
    public static synchronized TestDirectory ready(Keycloak admin, TestDirectory directory) {
        directory.assumeAvailable();
        if (!imported.contains(directory.name())) {
            RealmFiles.importAs(admin, directory.realm(), "corp-connector.json", directory.realmFileValues());
            imported.add(directory.name());
        }
        return directory;
    }

    public static OidcClient browser(String keycloakUrl, TestDirectory directory) {
        return new OidcClient(keycloakUrl, directory.realm(), CLIENT);
    }
}
