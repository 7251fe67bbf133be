package net.adfederation.it.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A benchmark by count, as {@link LdapOperationsPerSignInTest}, on Keycloak's side: the statements
 * Keycloak's database ran for one connector sign-in (H2's query statistics), for the realm file as
 * shipped. A connector user is in no table, so every lookup of one by name in Keycloak's own users
 * is a query that finds nobody before Keycloak asks the provider. The statements go to
 * target/database-reads-per-sign-in.txt.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class DatabaseReadsPerSignInTest {

    private static final String REALM = "database-reads";
    private static final String PASSWORD = "Passw0rd!Alice";
    /** Keycloak's lookup of a local user by username or e-mail (JpaUserProvider). */
    private static final Pattern LOCAL_LOOKUP_BY_NAME = Pattern.compile(
            "(?s).*\\bFROM\\s+USER_ENTITY\\b.*\\bWHERE\\b.*\\b(USERNAME|EMAIL)\\s*=.*");

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aSignInLooksTheUserUpInKeycloaksOwnUsersOnceForTheNameTypedAlsoWhenHerMailIsNotHerUpn() throws IOException {
        EmbeddedDirectory directory = Directories.embedded();
        directory.assumeAvailable();
        assumeTrue(KeycloakDatabase.isH2(), "H2's query statistics count the statements");
        DirectoryAdmin ad = directory.admin();
        RealmFiles.importAs(admin, REALM, "corp-connector.json", directory.realmFileValues());
        try {
            // pools, the link's SID, the names of alice's groups; Keycloak's caches of the realm
            assertThat(client().authorizationCodeSignIn("alice", PASSWORD).ok()).isTrue();
            Map<String, Integer> codeFlow = KeycloakDatabase.statementsDuring(
                    () -> assertThat(client().authorizationCodeSignIn("alice", PASSWORD).ok()).isTrue());
            Map<String, Integer> directGrant = KeycloakDatabase.statementsDuring(
                    () -> assertThat(client().directGrant("alice", PASSWORD).ok()).isTrue());
            Map<String, Integer> otherMail;
            ad.setAttribute("alice", "mail", "alice.smith@mail.example.test");
            try {
                otherMail = KeycloakDatabase.statementsDuring(
                        () -> assertThat(client().authorizationCodeSignIn("alice", PASSWORD).ok()).isTrue());
            } finally {
                ad.setAttribute("alice", "mail", "alice@corp.example.test");
            }
            Map<String, Map<String, Integer>> all = new java.util.LinkedHashMap<>();
            all.put("authorization code + PKCE (login page, form post, code redemption)", codeFlow);
            all.put("direct grant", directGrant);
            all.put("authorization code + PKCE, alice's mail not her UPN", otherMail);
            write(all);

            // The password form's lookup of the name typed, before the provider is asked. Keycloak's verify-profile
            // check at every sign-in looked her up twice more (its duplicate-username check: by the username, her UPN,
            // and by the UPN as an e-mail), only to discard the answer for a read-only attribute: 3 without ReadOnlyProfile.
            assertThat(count(codeFlow, LOCAL_LOOKUP_BY_NAME.asMatchPredicate())).isEqualTo(1);
            assertThat(count(directGrant, LOCAL_LOOKUP_BY_NAME.asMatchPredicate())).isEqualTo(1);
            assertThat(count(otherMail, LOCAL_LOOKUP_BY_NAME.asMatchPredicate())).isEqualTo(1);
        } finally {
            admin.realm(REALM).remove();
        }
    }

    /** A client of its own each time, so no browser session of an earlier sign-in skips the form. */
    private OidcClient client() {
        return new OidcClient(urls.getBase(), REALM, Directories.CLIENT);
    }

    private static int count(Map<String, Integer> statements, Predicate<String> which) {
        return statements.entrySet().stream().filter(e -> which.test(e.getKey().toUpperCase(Locale.ROOT)))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static void write(Map<String, Map<String, Integer>> all) throws IOException {
        StringBuilder out = new StringBuilder("Statements of Keycloak's database per successful sign-in (connector mode, embedded AD, "
                + "corp-connector.json, H2's query statistics; count, statement)\n");
        all.forEach((flow, statements) -> {
            out.append("\n== ").append(flow).append(": ").append(statements.values().stream().mapToInt(Integer::intValue).sum())
                    .append(" statements, ").append(count(statements, LOCAL_LOOKUP_BY_NAME.asMatchPredicate()))
                    .append(" lookups of a local user by username or e-mail\n");
            statements.forEach((sql, times) -> out.append(String.format("%4d  %s%n", times, sql)));
        });
        Path file = Path.of("target", "database-reads-per-sign-in.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print(out);
    }
}
