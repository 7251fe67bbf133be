package net.adfederation.it.portal;

import net.adfederation.it.browser.*;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A realm whose language is German (internationalisation on, German its only and default locale,
 * so the browser's English does not count): AD's refusal, the connector's forgot-password page,
 * every portal page and a direct grant's error_description are in German. A trust realm in German
 * and English words its refusal of a name in both forests in the language each request asks for.
 * The pages are kept as screenshots (*-de.png) and checked with axe-core.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class GermanPagesBrowserTest {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private PortalRealm portal;
    /** Puts back the languages and login theme of each realm a test changed. */
    private final Deque<Runnable> restore = new ArrayDeque<>();

    @BeforeEach
    void germanRealm() {
        String name = inLanguages(Directories.ready(admin, Directories.embedded()).realm(), Set.of("de"));
        portal = PortalRealm.of(admin, urls.getBase(), name);
    }

    @AfterEach
    void englishAgain() {
        portal.close();
        while (!restore.isEmpty()) restore.pop().run();
    }

    @Test
    void carolHearsInGermanThatAdDisabledHerAccount() {
        try (Browser browser = Browser.open()) {
            browser.go(portal.url(""));
            browser.waitFor(By.id("username"));
            browser.signIn("carol", "Passw0rd!Carol");

            WebElement notice = browser.find(By.id("ad-notice"));
            assertThat(notice.findElement(By.tagName("h2")).getText()).endsWith("Konto deaktiviert");
            assertThat(notice.getText()).contains("Ihr Konto ist im Active Directory deaktiviert. Wenden Sie sich an Ihren IT-Helpdesk.");
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            browser.keep("login-disabled-de");
        }
        var grant = Directories.browser(urls.getBase(), Directories.embedded()).directGrant("carol", "Passw0rd!Carol");
        assertThat(grant.errorDescription()).isEqualTo("Ihr Konto ist im Active Directory deaktiviert. Wenden Sie sich an Ihren IT-Helpdesk.");
    }

    @Test
    void forgotPasswordInConnectorModeIsInGerman() {
        try (Browser browser = Browser.open()) {
            browser.go(portal.url(""));
            browser.waitFor(By.id("username"));
            browser.clickAndWait(By.cssSelector("a[href*=reset-credentials]"));

            WebElement gate = browser.find(By.id("ad-password-gate"));
            assertThat(gate.getText()).contains("Passwörter werden im Active Directory zurückgesetzt")
                    .contains("Passwörter von Active-Directory-Konten (CORP.EXAMPLE.TEST) werden im Active Directory verwaltet.");
            browser.keep("forgot-password-connector-de");

            browser.type("username", "alice").clickAndWait(By.id("kc-form-buttons"));
            WebElement notice = browser.find(By.id("ad-notice"));
            assertThat(notice.findElement(By.tagName("h2")).getText()).endsWith("Passwort wird im Active Directory verwaltet");
            assertThat(notice.getText()).contains("Das Passwort dieses Kontos wird in Active Directory (CORP.EXAMPLE.TEST) verwaltet.");
            browser.keep("forgot-password-submitted-de");
        }
    }

    @Test
    void everyPortalPageIsInGerman() {
        try (Browser browser = Browser.open()) {
            browser.go(portal.url(""));
            browser.waitFor(By.id("username"));
            browser.signIn("alice", "Passw0rd!Alice");
            browser.waitForUrl(portal.url(""));

            assertThat(browser.findAll(By.cssSelector("nav a")).stream().map(WebElement::getText).toList())
                    .containsExactly("Anwendungen", "Verzeichnisprofil", "Passwort", "Sicherheit", "Geräte");
            assertThat(browser.find(By.id("signed-in-as")).getText()).isEqualTo("Angemeldet als Alice Smith");
            browser.keep("portal-applications-de");

            browser.go(portal.url("profile"));
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Verzeichnisprofil");
            assertThat(browser.text()).contains("live gelesen");
            browser.keep("portal-profile-de");

            browser.go(portal.url("password"));
            assertThat(browser.find(By.id("password-note")).getText())
                    .startsWith("Das Passwort dieses Kontos wird in Active Directory (CORP.EXAMPLE.TEST) verwaltet.");
            browser.keep("portal-password-de");

            browser.go(portal.url("security"));
            assertThat(browser.find(By.id("security-none")).getText()).isEqualTo("Sie haben noch keinen zweiten Faktor.");
            assertThat(browser.find(By.id("security-add-CONFIGURE_TOTP")).getText()).isEqualTo("Authenticator-App hinzufügen");
            browser.keep("portal-security-de");

            browser.go(portal.url("devices"));
            assertThat(browser.find(By.cssSelector(".device-current")).getText()).contains("Dieses Gerät").contains("Zuletzt aktiv");
            browser.keep("portal-devices-de");
        }
    }

    @Test
    void aNameInBothForestsIsRefusedInTheLanguageEachRequestAsksFor() {
        String realm = inLanguages(TrustRealms.ready(admin, TrustRealms.embedded()).realm(), Set.of("de", "en"));
        String german = "alice gibt es in CORP und PARTNER: Melden Sie sich als CORP\\alice oder PARTNER\\alice an.";
        String english = "alice exists in CORP and PARTNER: sign in as CORP\\alice or PARTNER\\alice";

        try (Browser browser = Browser.open()) {
            // Chromium asks for English; the sign-in page's language menu switches to German (kc_locale).
            browser.go(urls.getBase() + "/realms/" + realm + "/account");
            browser.waitFor(By.id("username"));
            browser.find(By.cssSelector("#login-select-toggle option[value*='kc_locale=de']")).click();
            browser.waitFor(By.cssSelector("html[lang=de] #username"));
            browser.signIn("alice", "Passw0rd!Alice");

            WebElement notice = browser.find(By.id("ad-notice"));
            assertThat(notice.findElement(By.tagName("h2")).getText()).endsWith("Mehrere Konten tragen diesen Namen");
            assertThat(notice.getText()).contains(german);
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            browser.keep("login-trust-name-in-both-forests-de");
        }
        try (Browser browser = Browser.open()) {
            browser.go(urls.getBase() + "/realms/" + realm + "/account");
            browser.waitFor(By.id("username"));
            browser.signIn("alice", "Passw0rd!Alice");

            WebElement notice = browser.find(By.id("ad-notice"));
            assertThat(notice.findElement(By.tagName("h2")).getText()).endsWith("Several accounts have this name");
            assertThat(notice.getText()).contains(english);
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        }
        OidcClient grant = new OidcClient(urls.getBase(), realm, "demo-app");
        assertThat(grant.directGrant("alice", "Passw0rd!Alice").errorDescription()).as("the realm's default").isEqualTo(german);
        assertThat(grant.directGrant("alice", "Passw0rd!Alice", "en-US,en;q=0.9").errorDescription()).isEqualTo(english);
        assertThat(grant.directGrant("alice", "Passw0rd!Alice", "de-DE").errorDescription()).isEqualTo(german);
    }

    /** German by default and the ad-portal sign-in pages, in these languages; put back after the test. */
    private String inLanguages(String name, Set<String> locales) {
        RealmResource realm = admin.realm(name);
        RealmRepresentation was = realm.toRepresentation();
        RealmRepresentation german = realm.toRepresentation();
        german.setInternationalizationEnabled(true);
        german.setSupportedLocales(locales);
        german.setDefaultLocale("de");
        german.setLoginTheme(PortalRealm.THEME);
        realm.update(german);
        restore.push(() -> {
            // Empty, not null: the admin API leaves a null field as it is.
            RealmRepresentation back = realm.toRepresentation();
            back.setInternationalizationEnabled(Boolean.TRUE.equals(was.isInternationalizationEnabled()));
            back.setSupportedLocales(was.getSupportedLocales() == null ? Set.of() : was.getSupportedLocales());
            back.setDefaultLocale(was.getDefaultLocale() == null ? "" : was.getDefaultLocale());
            back.setLoginTheme(was.getLoginTheme() == null ? "" : was.getLoginTheme());
            realm.update(back);
        });
        return name;
    }
}
