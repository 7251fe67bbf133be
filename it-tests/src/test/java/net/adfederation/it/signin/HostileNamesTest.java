package net.adfederation.it.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import jakarta.ws.rs.BadRequestException;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names with control characters never reach AD: Samba matches {@code alice<NUL>x} as alice, so
 * such a name would sign in as alice. Every flow (direct grant, login form, forgot password,
 * admin search) refuses them in both modes, and the embedded AD's operation log shows that no
 * LDAP operation was sent for them.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class HostileNamesTest {

    /** As typed after alice's name; each with her right password. */
    private static final List<String> HOSTILE = List.of("alice\u0000x", "alice\u0000", "alice\tx", "alice\n", "alice\r\nx",
            "CORP\\alice\u0000x", "alice\u0000@corp.example.test", "alice\u2028", "al\u200Bice", "a".repeat(300));

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void connectorModeRefusesControlCharacterNamesBeforeAnyDirectoryRequest(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        assertThat(oidc.directGrant("alice", "Passw0rd!Alice").ok()).as("warms the pools").isTrue();
        List<EmbeddedActiveDirectory> dcs = directory == Directories.embedded()
                ? List.of(Directories.embedded().server()) : List.of();

        List<String> operations = everyFlow(oidc, realm, dcs, true);

        assertThat(operations).as("LDAP operations for hostile names").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void trustModeRefusesControlCharacterNamesBeforeAnyDirectoryRequest(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        assertThat(oidc.directGrant("CORP\\alice", "Passw0rd!Alice").ok()).as("opens the forest").isTrue();
        List<EmbeddedActiveDirectory> dcs = List.of();
        if (forests instanceof EmbeddedTrustForests embedded) {
            EmbeddedForests pair = embedded.forests();
            dcs = List.of(pair.corp(), pair.partner());
        }

        List<String> operations = everyFlow(oidc, realm, dcs, false);

        assertThat(operations).as("LDAP operations for hostile names").isEmpty();
    }

    /** Tries every hostile name in every flow, asserting each is refused; returns the LDAP operations they caused. */
    private List<String> everyFlow(OidcClient oidc, String realm, List<EmbeddedActiveDirectory> dcs, boolean adminSearch) {
        dcs.forEach(EmbeddedActiveDirectory::resetOperationCounts);
        for (String name : HOSTILE) {
            String shown = name.replaceAll("\\p{C}", "?");
            OidcClient.TokenResult grant = oidc.directGrant(name, "Passw0rd!Alice");
            assertThat(grant.ok()).as("direct grant as " + shown).isFalse();
            OidcClient.TokenResult form = new OidcClient(urls.getBase(), realm, Directories.CLIENT)
                    .authorizationCodeSignIn(name, "Passw0rd!Alice");
            assertThat(form.ok()).as("login form as " + shown).isFalse();
            forgotPassword(realm, name);
            if (adminSearch) adminSearch(realm, name);
        }
        List<String> operations = new ArrayList<>();
        dcs.forEach(dc -> operations.addAll(dc.recentOperations()));
        return operations;
    }

    /**
     * Keycloak itself answers 400 to some of these; either way nobody is found. It trims a search
     * text before any provider sees it, so "alice" plus a trailing control character is a search
     * for alice, and only names with the character inside are tried here.
     */
    private void adminSearch(String realm, String name) {
        if (!name.equals(name.trim()) || !name.equals(name.strip())) return;
        try {
            assertThat(admin.realm(realm).users().search(name, 0, 10)).as("admin search").isEmpty();
        } catch (BadRequestException refusedByKeycloak) {
            // refused before any provider was asked
        }
    }

    private void forgotPassword(String realm, String name) {
        OidcClient browser = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        Document login = browser.openLoginPage(OidcClient.Pkce.create(), Map.of());
        Document forgot = browser.openLink(login, "a[href*=reset-credentials]");
        browser.submitForm(forgot, "kc-reset-password-form", Map.of("username", name));
    }
}
