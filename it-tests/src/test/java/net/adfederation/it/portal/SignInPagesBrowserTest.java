package net.adfederation.it.portal;

import net.adfederation.it.browser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ad-portal sign-in pages in a real browser, as a user meets them when an application (here
 * the realm's account console) sends them to Keycloak: which names to type, each reason AD gives
 * for a refusal as an alert of its own, and in connector mode a forgot-password page that says up
 * front where AD passwords are reset. Every page is kept as a screenshot under
 * target/screenshots/ and checked with axe-core for WCAG 2.1 A/AA.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SignInPagesBrowserTest {

    private static final String THEME = "ad-portal";
    private static final String RESET_PAGE = "https://passwords.corp.example.test/reset";
    private static final String FRESH_PASSWORD = "Passw0rd!Pages1";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** Undoes what a test changed in the shared realms (theme, settings), last change first. */
    private final List<Runnable> restore = new ArrayList<>();

    @AfterEach
    void restoreRealms() {
        for (int i = restore.size() - 1; i >= 0; i--) restore.get(i).run();
    }

    @Test
    @Tag("smoke")
    void connectorSignInPageShowsTheNameFormsOfItsDomainAndAliceSignsInByKeyboard() {
        String realm = connectorRealm();
        try (Browser browser = Browser.open()) {
            openSignIn(browser, realm);

            assertThat(browser.find(By.id("ad-name-forms")).getText())
                    .isEqualTo("Use your Active Directory account name, for example alice, alice@corp.example.test or CORP\\alice.");
            assertThat(browser.find(By.id("username")).getAttribute("aria-describedby")).contains("ad-name-forms");
            keep(browser, "login-connector");

            // The keyboard alone: the page starts in the username, Tab walks the form in reading order, Enter submits.
            assertThat(browser.focused().getAttribute("id")).isEqualTo("username");
            browser.focused().sendKeys("alice");
            List<String> tabOrder = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                browser.focused().sendKeys(Keys.TAB);
                WebElement next = browser.focused();
                tabOrder.add(next.getAttribute("id").isEmpty() ? next.getText() : next.getAttribute("id"));
                if (next.getAttribute("id").equals("password")) next.sendKeys("Passw0rd!Alice");
            }
            assertThat(tabOrder).containsExactly("password", "password-show-password", "Forgot Password?", "kc-login");
            browser.pressAndWait(Keys.ENTER).waitForText("Alice Smith");

            assertThat(browser.url()).startsWith(urls.getBase() + "/realms/" + realm + "/account");
            browser.screenshot("signed-in-connector");
        }
    }

    @Test
    @Tag("smoke")
    void trustSignInPageNamesEveryDomainOfTheForestsAndPatOfTheSecondForestSignsInWithBothNames() {
        String realm = trustRealm();
        try (Browser browser = Browser.open()) {
            openSignIn(browser, realm);

            assertThat(browser.find(By.id("ad-name-forms")).getText()).isEqualTo("Use your Active Directory account name, "
                    + "for example alice, alice@corp.example.test, CORP\\alice, alice@partner.example.test or PARTNER\\alice.");
            keep(browser, "login-trust");

            browser.signIn("pat@partner.example.test", "Passw0rd!Pat1").waitForText("Pat Partner");
            browser.screenshot("signed-in-trust-upn");
        }
        try (Browser browser = Browser.open()) {
            openSignIn(browser, realm);
            browser.signIn("PARTNER\\pat", "Passw0rd!Pat1").waitForText("Pat Partner");
            assertThat(browser.url()).startsWith(urls.getBase() + "/realms/" + realm + "/account");
            browser.screenshot("signed-in-trust-down-level");
        }
    }

    @Test
    void aBareNameInBothForestsAsksForTheDomainInAWarning() {
        assertRefused(trustRealm(), "alice", "Passw0rd!Alice", "login-trust-name-in-both-forests", "warning",
                "Several accounts have this name", "alice exists in CORP and PARTNER: sign in as CORP\\alice or PARTNER\\alice");
    }

    @Test
    @Tag("smoke")
    void disabledAccountIsADangerAlertNamingTheHelpDesk() {
        assertRefused(connectorRealm(), "carol", "Passw0rd!Carol", "login-disabled", "danger", "Account disabled",
                "Your account is disabled in Active Directory. Contact your IT help desk.");
    }

    @Test
    void lockedOutAccountIsAWarningToWaitOrCallTheHelpDesk() {
        withFreshUser(DirectoryAdmin::lockOut, name -> assertRefused(connectorRealm(), name, FRESH_PASSWORD, "login-locked",
                "warning", "Account locked out", "Your account is locked out in Active Directory after too many failed sign-ins."));
    }

    @Test
    void expiredAccountIsADangerAlert() {
        withFreshUser(DirectoryAdmin::expireAccount, name -> assertRefused(connectorRealm(), name, FRESH_PASSWORD, "login-expired",
                "danger", "Account expired", "Your account has expired in Active Directory. Contact your IT help desk to extend it."));
    }

    @Test
    void passwordToChangeSaysWhereAndLinksTheConfiguredResetPage() {
        String realm = connectorRealm();
        withFreshUser(DirectoryAdmin::requirePasswordChange, name -> {
            try (Browser browser = Browser.open()) {
                openSignIn(browser, realm);
                browser.signIn(name, FRESH_PASSWORD);

                assertNotice(browser, "warning", "Password change required",
                        "Change your password in Active Directory first on a domain computer with Ctrl+Alt+Del");
                assertThat(browser.findAll(By.cssSelector("#ad-notice a"))).isEmpty();
                keep(browser, "login-must-change");

                useResetPage(realm, RESET_PAGE);
                openSignIn(browser, realm);
                browser.signIn(name, FRESH_PASSWORD);

                assertNotice(browser, "warning", "Password change required",
                        "Change your password in Active Directory first at " + RESET_PAGE);
                assertThat(browser.find(By.cssSelector("#ad-notice a")).getAttribute("href")).isEqualTo(RESET_PAGE);
                keep(browser, "login-must-change-reset-page");
            }
        });
    }

    @Test
    void wrongPasswordKeepsTheGenericMessageOnTheField() {
        try (Browser browser = Browser.open()) {
            openSignIn(browser, connectorRealm());
            browser.signIn("alice", "not-her-password");

            assertThat(browser.findAll(By.id("ad-notice"))).isEmpty();
            assertThat(browser.find(By.id("input-error-username")).getText()).isEqualTo("Invalid username or password.");
            assertThat(browser.find(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findAll(By.cssSelector(".pf-v5-c-alert"))).as("no alert, only the field's error").isEmpty();
            keep(browser, "login-wrong-password");
        }
    }

    @Test
    void forgotPasswordInConnectorModeSaysUpFrontWherePasswordsAreResetAndSendsNothing() {
        String realm = connectorRealm();
        try (Browser browser = Browser.open()) {
            openSignIn(browser, realm);
            browser.clickAndWait(By.linkText("Forgot Password?"));

            WebElement gate = browser.find(By.id("ad-password-gate"));
            assertThat(gate.getAttribute("class")).contains("pf-m-info");
            assertThat(gate.getText()).contains("Passwords are reset in Active Directory")
                    .contains("Passwords of Active Directory accounts (CORP.EXAMPLE.TEST) are kept in Active Directory.")
                    .contains("sends no email").contains("ask your IT help desk");
            assertThat(browser.text()).doesNotContain("we will send you instructions");
            keep(browser, "forgot-password-connector");

            browser.type("username", "alice").clickAndWait(By.id("kc-form-buttons"));

            assertNotice(browser, "info", "Password managed in Active Directory",
                    "The password of this account is managed in Active Directory (CORP.EXAMPLE.TEST).");
            assertThat(browser.text()).doesNotContain("You should receive an email");
            keep(browser, "forgot-password-submitted");
        }
        // A reset e-mail, sent or failed (the realm has no SMTP server), would have left one of these events.
        assertThat(admin.realm(realm).getEvents(List.of("SEND_RESET_PASSWORD", "SEND_RESET_PASSWORD_ERROR"),
                null, null, null, null, null, 0, 100)).isEmpty();
    }

    @Test
    void forgotPasswordLinksTheConfiguredResetPage() {
        String realm = connectorRealm();
        useResetPage(realm, RESET_PAGE);
        try (Browser browser = Browser.open()) {
            openSignIn(browser, realm);
            browser.clickAndWait(By.linkText("Forgot Password?"));

            WebElement link = browser.find(By.cssSelector("#ad-password-gate a"));
            assertThat(link.getAttribute("href")).isEqualTo(RESET_PAGE);
            assertThat(browser.find(By.id("ad-password-gate")).getText()).contains("Reset yours at " + RESET_PAGE);
            keep(browser, "forgot-password-connector-reset-page");
        }
    }

    // --- the realms, as the lead will configure them: loginTheme ad-portal -------------------------------

    private String connectorRealm() {
        return withTheme(Directories.ready(admin, Directories.embedded()).realm());
    }

    private String trustRealm() {
        TrustForests embedded = TrustRealms.both().filter(EmbeddedTrustForests.class::isInstance).findFirst().orElseThrow();
        return withTheme(TrustRealms.ready(admin, embedded).realm());
    }

    private String withTheme(String realm) {
        RealmResource resource = admin.realm(realm);
        RealmRepresentation representation = resource.toRepresentation();
        String before = representation.getLoginTheme();
        if (!THEME.equals(before)) {
            representation.setLoginTheme(THEME);
            resource.update(representation);
            restore.add(() -> {
                RealmRepresentation back = resource.toRepresentation();
                back.setLoginTheme(before);
                resource.update(back);
            });
        }
        return realm;
    }

    /** Sets the connector's passwordResetUrl for this test. */
    private void useResetPage(String realm, String url) {
        RealmResource resource = admin.realm(realm);
        ComponentRepresentation connector = resource.components().query(null, "org.keycloak.storage.UserStorageProvider")
                .stream().filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
        List<String> before = connector.getConfig().get("passwordResetUrl");
        connector.getConfig().putSingle("passwordResetUrl", url);
        resource.components().component(connector.getId()).update(connector);
        restore.add(() -> {
            ComponentRepresentation back = resource.components().component(connector.getId()).toRepresentation();
            back.getConfig().put("passwordResetUrl", before == null ? List.of() : before);
            resource.components().component(connector.getId()).update(back);
        });
    }

    // --- the browser ---------------------------------------------------------------------------------

    /** The account console's script sends a signed-out user to the realm's sign-in page. */
    private void openSignIn(Browser browser, String realm) {
        browser.go(urls.getBase() + "/realms/" + realm + "/account").waitFor(By.id("kc-form-login"));
    }

    private static void keep(Browser browser, String page) {
        browser.screenshot(page);
        browser.assertAccessible(page);
    }

    /** Signs in with a password that is right but refused by AD, reads AD's reason, keeps the page. */
    private void assertRefused(String realm, String user, String password, String page, String severity, String title,
                               String text) {
        try (Browser browser = Browser.open()) {
            openSignIn(browser, realm);
            browser.signIn(user, password);

            assertNotice(browser, severity, title, text);
            keep(browser, page);
        }
    }

    /** The AD alert: its severity, its title, its text; the page's only message, with no field marked wrong. */
    private static void assertNotice(Browser browser, String severity, String title, String text) {
        WebElement notice = browser.find(By.id("ad-notice"));
        assertThat(notice.getAttribute("class")).contains("pf-m-" + severity);
        assertThat(notice.findElement(By.tagName("h2")).getText()).endsWith(title);
        assertThat(notice.getText()).contains(text);
        assertThat(browser.text()).doesNotContain("Invalid username or password");
        assertThat(browser.findAll(By.id("input-error-username"))).isEmpty();
        assertThat(browser.find(By.id("username")).getAttribute("aria-describedby")).contains("ad-notice");
    }

    // --- throwaway AD users --------------------------------------------------------------------------

    /** Creates an AD user of this test's own, changes it, runs the test with its name, deletes it. */
    private void withFreshUser(BiConsumer<DirectoryAdmin, String> change, Consumer<String> test) {
        String name = "pages-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        TestDirectory directory = Directories.ready(admin, Directories.embedded());
        DirectoryAdmin ad = directory.admin();
        ad.createUser(name, FRESH_PASSWORD, "Page", "Tester", null);
        try {
            change.accept(ad, name);
            test.accept(name);
        } finally {
            ad.deleteUser(name);
        }
    }
}
