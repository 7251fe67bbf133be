package net.adfederation.it.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.FreshKeycloak;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JAR in a Keycloak older than the supported range (26.3.5, the newest 26.3 on Maven Central; the zip
 * comes from -Dkeycloak.unsupported.version): the build logs the refusal once, naming that version and the
 * range, and a sign-in with the connector realm's files is Keycloak's own "invalid credentials", never a 500.
 * Not part of `mvn verify`: .ci/run's compatibility job runs it (-Dgroups=unsupported-keycloak).
 */
@Tag("unsupported-keycloak")
class UnsupportedKeycloakTest {

    private static final int HTTP_PORT = 8180;
    private static final int MANAGEMENT_PORT = 9180;
    private static final Pattern REFUSAL = Pattern.compile(
            "keycloak-ad-federation does not start on Keycloak (\\S+): it supports Keycloak 26\\.4-26\\.7");

    @Test
    void anOlderKeycloakLogsTheRefusalOnceAndSignInsAreRefusedWithoutAServerError() throws Exception {
        long started = System.nanoTime();
        Path zip = path("adfed.unsupportedKeycloakDist");
        String version = System.getProperty("adfed.unsupportedKeycloakVersion");
        assertThat(zip).as("run `mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:%s:zip` first", version).isRegularFile();
        Path dir = path("adfed.freshKeycloakDir").resolveSibling("unsupported-keycloak");
        try (EmbeddedForests forests = EmbeddedTrustForests.start(TrustDirection.BIDIRECTIONAL);
             FreshKeycloak keycloak = FreshKeycloak.install(zip, path("adfed.providerJar"), dir)) {
            // The connector realm as an admin has it (its theme, clients and our token mappers), minus its
            // ad-connector component: a component without a registered provider is not what this test is about.
            ObjectMapper json = new ObjectMapper();
            ObjectNode realm = (ObjectNode) json.readTree(path("adfed.realmConfigDir").resolve("corp-connector.json").toFile());
            realm.remove("components");
            Path realmFile = Files.createDirectories(dir.resolve("realm")).resolve("corp.json");
            json.writeValue(realmFile.toFile(), realm);
            Map<String, String> environment = Map.of("AD_SERVER_URLS", forests.corp().ldapUrl());
            keycloak.putInVault("corp", "svcpassword", "Passw0rd!Svc1"); // import and start point Keycloak at the vault

            FreshKeycloak.CommandResult imported = keycloak.runImport(realmFile, environment);
            assertThat(imported.exitCode()).as(imported.output()).isZero();
            Matcher refusal = REFUSAL.matcher(imported.output());
            int refusals = 0;
            while (refusal.find()) {
                assertThat(refusal.group(1)).isEqualTo(version);
                refusals++;
            }
            System.out.println("Refusal lines in kc.sh import's output: " + refusals);
            // kc.sh import builds the server in one JVM and imports in another: one line each at most.
            assertThat(refusals).as(imported.output()).isBetween(1, 2);

            String base = keycloak.start(HTTP_PORT, MANAGEMENT_PORT, "corp", environment, false);
            OidcClient oidc = new OidcClient(base, "corp", "demo-app");
            TokenResult grant = oidc.directGrant("alice", "Passw0rd!Alice");
            assertThat(grant.status()).as(grant.errorDescription()).isEqualTo(401);
            assertThat(grant.error()).isEqualTo("invalid_grant");
            OidcClient.BrowserResult page = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), "alice", "Passw0rd!Alice");
            assertThat(page.code()).isNull();
            assertThat(page.text()).contains("Invalid username or password").doesNotContainIgnoringCase("unexpected error");
            assertThat(Files.readString(keycloak.home().resolve("kc-server.log")))
                    .doesNotContain("at net.adfederation.").doesNotContain("NoClassDefFoundError").doesNotContain("NoSuchMethodError");
        } finally {
            System.out.println("Unsupported Keycloak " + System.getProperty("adfed.unsupportedKeycloakVersion")
                    + " (unpack, build and import, start, two refused sign-ins): " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        }
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) throw new IllegalStateException("system property " + property + " is not set (it-tests/pom.xml sets it)");
        return Path.of(value).toAbsolutePath().normalize();
    }
}
