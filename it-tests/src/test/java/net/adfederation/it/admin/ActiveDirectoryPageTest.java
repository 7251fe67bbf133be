package net.adfederation.it.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import net.adfederation.it.browser.Browser;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.SambaDirectory;
import net.adfederation.it.support.SambaTrustForests;
import net.adfederation.it.support.TrustAdminApi;
import net.adfederation.it.support.ViewOnlyAdmin;
import net.adfederation.it.support.TrustAdminApi.Answer;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Active Directory page and its admin REST endpoints, on Samba, as an admin meets them: a
 * trust realm whose CORP DCs include a dead address (ldaps://127.0.0.9:636, nothing listens
 * there; Samba's DCs are never stopped), synchronised; the page, opened by a server admin through
 * master's sign-in, shows each DC's state, the last sync per domain, "test a user" for alice,
 * carol (disabled, AD's reason shown) and PARTNER's pat; a scope narrowed to CORP\Developers trips
 * the deletion guard, the pending batch is listed with its Approve button, which a view-only admin
 * is refused (403 shown) and a full admin uses; the same page in German. Each view is kept as a
 * screenshot and checked with axe-core. The connector's status and test-user are checked over REST.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class ActiveDirectoryPageTest {

    private static final String TRUST = "console-trust";
    private static final String CONNECTOR = "console-connector";
    private static final String DEAD_DC = "ldaps://127.0.0.9:636";
    private static final String VIEWER = "console-viewer";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void theActiveDirectoryPageShowsStatesSyncsPendingRemovalsAndUsers() {
        SambaTrustForests forests = new SambaTrustForests();
        forests.assumeAvailable();
        Map<String, String> values = new HashMap<>(forests.realmFileValues());
        values.put("AD_SERVER_URLS", DEAD_DC + " ldaps://" + SambaDirectory.HOST + ":636");
        RealmFiles.importAs(admin, TRUST, "corp-trust.json", values);
        try {
            ComponentRepresentation provider = TrustRealms.provider(admin, TRUST);
            provider.getConfig().putSingle("deletionThresholdPercent", "30");
            admin.realm(TRUST).components().component(provider.getId()).update(provider);
            SynchronizationResultRepresentation full = TrustRealms.fullSync(admin, TRUST);
            assertThat(full.getAdded()).as(full.getStatus()).isPositive();
            TrustRealms.changedSync(admin, TRUST);
            TrustAdminApi api = new TrustAdminApi(urls.getBase(), TRUST, provider.getId());

            Answer status = api.status(token());
            assertThat(status.status()).as(status.text()).isEqualTo(200);
            JsonNode corp = domain(status.body(), "corp.example.test");
            assertThat(dc(corp, DEAD_DC).get("state").asText()).isIn("backed-off", "unreachable");
            assertThat(dc(corp, DEAD_DC).get("error").asText()).isNotBlank();
            assertThat(dc(corp, "ldaps://" + SambaDirectory.HOST + ":636").get("state").asText()).isEqualTo("up");
            assertThat(corp.at("/lastSync/readMethod").asText()).matches("full|changes(/[a-z_]+)?");
            assertThat(domain(status.body(), "partner.example.test").at("/lastSync/readMethod").asText()).matches("full|changes(/[a-z_]+)?");
            assertThat(status.body().at("/lastSync/kind").asText()).isEqualTo("changed");

            try (Browser browser = Browser.open()) {
                openAsAdmin(browser, "admin", "admin", "");
                String page = browser.text();
                assertThat(page).contains("Domain controllers").contains(DEAD_DC).contains("Last sync per domain")
                        .contains("partner.example.test").contains("No removals wait for approval.");
                assertThat(stateOf(browser, DEAD_DC)).isIn("backed-off", "unreachable");

                JsonNode alice = testUser(browser, "alice@corp.example.test");
                assertThat(alice.get("state").asText()).isEqualTo("enabled");
                assertThat(browser.text()).contains("Developers").contains("\"groups\"");
                browser.keep("ad-page-alice");
                testUser(browser, "carol@corp.example.test");
                assertThat(browser.text()).contains("disabled in Active Directory").contains("ACCOUNTDISABLE");
                browser.keep("ad-page-carol");
                testUser(browser, "pat@partner.example.test");
                assertThat(browser.find(By.cssSelector(".test-result")).getText()).contains("partner.example.test")
                        .contains("PartnerStaff");
                browser.keep("ad-page-pat");

                // The typo: only CORP\Developers in scope, PARTNER and most of CORP would go; the guard holds them.
                provider = TrustRealms.provider(admin, TRUST);
                provider.getConfig().putSingle("syncScopeGroups", "CORP\\Developers");
                admin.realm(TRUST).components().component(provider.getId()).update(provider);
                SynchronizationResultRepresentation guarded = TrustRealms.fullSync(admin, TRUST);
                assertThat(guarded.getRemoved()).as(guarded.getStatus()).isZero();
                assertThat(api.pendingRemovals(token()).body()).hasSize(1);
                int usersBefore = admin.realm(TRUST).users().count();

                try (Browser viewer = Browser.open()) {
                    ViewOnlyAdmin.create(admin, urls.getBase(), VIEWER, TRUST);
                    openAsAdmin(viewer, VIEWER, ViewOnlyAdmin.PASSWORD, "");
                    assertThat(viewer.text()).contains("pat@partner.example.test");
                    viewer.find(By.cssSelector("button.approve")).click();
                    viewer.waitForText("Your admin roles do not allow this");
                    viewer.keep("ad-page-viewer-refused");
                }
                assertThat(admin.realm(TRUST).users().count()).isEqualTo(usersBefore);

                openAsAdmin(browser, "admin", "admin", "");
                browser.keep("ad-page-pending");
                browser.find(By.cssSelector("button.approve")).click();
                browser.waitForText("Approved by admin");
                assertThat(admin.realm(TRUST).users().count()).isLessThan(usersBefore);
                assertThat(api.pendingRemovals(token()).body()).isEmpty();

                openAsAdmin(browser, "admin", "admin", "&lang=de");
                assertThat(browser.text()).contains("Domänencontroller").contains("Letzte Synchronisation je Domäne")
                        .contains("Benutzer testen");
                browser.keep("ad-page-german");
            }
        } finally {
            admin.realm(TRUST).remove();
            admin.realm("master").users().search(VIEWER, true).forEach(u -> admin.realm("master").users().delete(u.getId()).close());
            admin.realm("master").clients().findByClientId("ad-federation-console")
                    .forEach(c -> admin.realm("master").clients().get(c.getId()).remove());
        }
    }

    @Test
    void theConnectorsStatusAndTestUserAnswerOverRest() {
        SambaDirectory samba = new SambaDirectory();
        samba.assumeAvailable();
        Map<String, String> values = new HashMap<>(samba.realmFileValues());
        values.put("AD_SERVER_URLS", DEAD_DC + " ldaps://" + SambaDirectory.HOST + ":636");
        RealmFiles.importAs(admin, CONNECTOR, "corp-connector.json", values);
        try {
            ComponentRepresentation provider = admin.realm(CONNECTOR).components().query(null, "org.keycloak.storage.UserStorageProvider")
                    .stream().filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
            TrustAdminApi api = new TrustAdminApi(urls.getBase(), CONNECTOR, provider.getId());
            Answer status = api.status(token());
            assertThat(status.status()).as(status.text()).isEqualTo(200);
            JsonNode corp = domain(status.body(), "corp.example.test");
            assertThat(dc(corp, DEAD_DC).get("state").asText()).isIn("backed-off", "unreachable");
            assertThat(dc(corp, "ldaps://" + SambaDirectory.HOST + ":636").get("state").asText()).isEqualTo("up");
            assertThat(status.body().path("lastSync").isMissingNode() || status.body().path("lastSync").isNull()).as("the connector does not sync").isTrue();

            JsonNode carol = api.testUser(token(), "CORP\\carol").body();
            assertThat(carol.get("state").asText()).isEqualTo("disabled");
            assertThat(carol.get("reason").asText()).contains("ACCOUNTDISABLE");
            JsonNode alice = api.testUser(token(), "alice").body();
            assertThat(alice.get("state").asText()).isEqualTo("enabled");
            assertThat(alice.get("keycloakUsername").asText()).isEqualTo("alice@corp.example.test");
            assertThat(texts(alice.get("adGroups"))).contains("Developers", "Engineering");
            assertThat(alice.at("/claims/client").asText()).isEqualTo("demo-app");
            assertThat(alice.at("/claims/claims/upn").asText()).isEqualTo("alice@corp.example.test");
            assertThat(api.testUser(token(), "nobody-here").body().get("state").asText()).isEqualTo("not-found");
            assertThat(api.testUser(token(), " ").status()).isEqualTo(400);
        } finally {
            admin.realm(CONNECTOR).remove();
        }
    }

    /** Opens the page as a server admin for the trust realm (master's sign-in when not signed in yet) and waits until it has loaded. */
    private void openAsAdmin(Browser browser, String user, String password, String extra) {
        browser.go(urls.getBase() + "/realms/master/ad-federation-console/?realm=" + TRUST + extra);
        // The page's own redirects (to the sign-in and back) replace the body the wait looks at.
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.id("kc-login")).isEmpty() || "true".equals(readyFlag(browser)));
        if (!browser.findAll(By.id("kc-login")).isEmpty()) {
            browser.type("username", user).type("password", password);
            browser.find(By.id("kc-login")).click();
        }
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                .withMessage(() -> "the page did not load: " + browser.text())
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "true".equals(readyFlag(browser)) && d.findElements(By.cssSelector(".pending p, .pending button")).size() > 0);
    }

    private static String readyFlag(Browser browser) {
        return browser.find(By.tagName("body")).getAttribute("data-ready");
    }

    private static String stateOf(Browser browser, String dcUrl) {
        for (WebElement row : browser.findAll(By.cssSelector("table tr"))) {
            if (row.getText().contains(dcUrl)) return row.findElement(By.cssSelector("[data-state]")).getAttribute("data-state");
        }
        throw new AssertionError("no row for " + dcUrl);
    }

    /** Types the name into the trust provider's "test a user" box, and returns the same answer from the REST endpoint. */
    private JsonNode testUser(Browser browser, String name) {
        WebElement input = browser.find(By.cssSelector("input.test-name"));
        input.clear();
        input.sendKeys(name);
        browser.find(By.cssSelector("form.test-user button")).click();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> d.findElement(By.cssSelector(".test-result")).getText().contains(name)
                        && d.findElements(By.cssSelector(".test-result [data-state]")).size() > 0);
        ComponentRepresentation provider = TrustRealms.provider(admin, TRUST);
        return new TrustAdminApi(urls.getBase(), TRUST, provider.getId()).testUser(token(), name).body();
    }

    private String token() {
        return admin.tokenManager().getAccessTokenString();
    }


    private static JsonNode domain(JsonNode status, String dnsName) {
        for (JsonNode domain : status.get("domains")) {
            if (dnsName.equalsIgnoreCase(domain.path("dnsName").asText())) return domain;
        }
        throw new AssertionError("no domain " + dnsName + " in " + status);
    }

    private static JsonNode dc(JsonNode domain, String url) {
        for (JsonNode dc : domain.get("dcs")) {
            if (url.equals(dc.path("url").asText())) return dc;
        }
        throw new AssertionError("no DC " + url + " in " + domain);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
