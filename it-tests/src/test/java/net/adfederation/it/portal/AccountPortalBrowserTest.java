package net.adfederation.it.portal;

import net.adfederation.it.browser.*;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account portal (account theme ad-portal) in a real browser, as its users see it: a
 * connector user of the embedded AD, a trust user of the second forest (PARTNER), and a plain
 * Keycloak user of the same realm. Every portal page is kept as a screenshot under
 * target/screenshots/ and checked with axe-core against WCAG 2.1 A/AA.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class AccountPortalBrowserTest {

    private static final String ALICE_PASSWORD = "Passw0rd!Alice";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** A restricted application for the members of AD group Engineering, and an open one. */
    private record Applications(String restricted, String restrictedClientId, String open) {
        static Applications forEngineering(PortalRealm portal, TestApplication app) {
            String id = suffix();
            String engineering = portal.groupLinkedTo("Engineering", "portal-engineering-" + id);
            String restrictedClientId = "portal-restricted-" + id;
            return new Applications(portal.restrictedApplication(app, restrictedClientId, engineering), restrictedClientId,
                    portal.openApplication(app, "portal-open-" + id));
        }
    }

    @Test
    @Tag("smoke")
    void connectorUserSeesTheApplicationsOfHerAdGroupsAndLaunchesOne() {
        try (PortalRealm portal = connectorRealm(); TestApplication app = TestApplication.start(); Browser browser = Browser.open()) {
            // alice is in Developers, nested in Engineering: the group linked to Engineering reaches her.
            Applications apps = Applications.forEngineering(portal, app);
            String restricted = apps.restricted();
            String open = apps.open();

            signIn(browser, portal, "", "alice", ALICE_PASSWORD);

            assertThat(browser.url()).as("code and state are dropped from the address").isEqualTo(portal.url(""));
            assertThat(tileNames(browser)).contains(restricted, open)
                    .doesNotContain("account", "account-console", "admin-cli", "broker", "realm-management", "security-admin-console");
            assertThat(tileText(browser, restricted)).contains("Your roles: user");
            assertThat(tileText(browser, open)).contains("Open to everyone");
            assertThat(browser.find(By.id("signed-in-as")).getText()).isEqualTo("Signed in as Alice Smith");
            shoot(browser, "portal-connector-applications");

            browser.clickAndWait(By.linkText(restricted));

            waitForUrl(browser, app.rootUrl() + "/" + apps.restrictedClientId());
            assertThat(browser.text()).contains("Test application at /" + apps.restrictedClientId());
            browser.screenshot("portal-connector-application-launched");

            // An address the portal does not have (an old link into Keycloak's React console) leads home.
            browser.go(portal.url("personal-info"));
            waitForUrl(browser, portal.url(""));
        }
    }

    @Test
    void aUserOutsideTheAdGroupDoesNotSeeTheRestrictedApplication() {
        try (PortalRealm portal = connectorRealm(); TestApplication app = TestApplication.start(); Browser browser = Browser.open()) {
            Applications apps = Applications.forEngineering(portal, app);

            // erin is in no AD group (bob, in Testers, is in Engineering too, and must change his password first).
            signIn(browser, portal, "", "erin", "Passw0rd!Erin");

            assertThat(tileNames(browser)).contains(apps.open()).doesNotContain(apps.restricted());
            shoot(browser, "portal-connector-applications-nonmember");
        }
    }

    @Test
    @Tag("smoke")
    void connectorProfileShowsWhatActiveDirectorySaysAtThisRequestAndWhereFrom() {
        DirectoryAdmin ad = Directories.embedded().admin();
        try (PortalRealm portal = connectorRealm(); Browser browser = Browser.open()) {
            String connector = portal.adProvider("ad-connector").getName();
            signIn(browser, portal, "profile", "alice", ALICE_PASSWORD);

            String live = "Active Directory CORP (connector " + connector + ", read live)";
            assertThat(row(browser, "User principal name (UPN)")).containsExactly("alice@corp.example.test", live);
            assertThat(row(browser, "Domain")).containsExactly("corp.example.test (NetBIOS CORP)", live);
            assertThat(row(browser, "E-mail")).containsExactly("alice@corp.example.test", live);
            assertThat(groups(browser)).contains("CORP\\Developers", "CORP\\Engineering");
            assertThat(browser.find(By.id("groups-source")).getText()).isEqualTo("Source: " + live);
            shoot(browser, "portal-connector-profile");

            // Read live means a change in AD shows at the next page, with nothing to synchronise.
            ad.setNames("alice", "Alicia", "Smith");
            try {
                browser.go(portal.url("profile"));
                assertThat(row(browser, "Name")).containsExactly("Alicia Smith", live);
            } finally {
                ad.setNames("alice", "Alice", "Smith");
            }
        }
    }

    @Test
    void connectorPasswordPageSendsUsersToActiveDirectoryWithoutAForm() {
        String resetUrl = "https://passwords.corp.example.test/reset";
        try (PortalRealm portal = connectorRealm(); Browser browser = Browser.open()) {
            portal.configureAdProvider("ad-connector", "passwordResetUrl", resetUrl);
            signIn(browser, portal, "password", "alice", ALICE_PASSWORD);

            assertThat(browser.findAll(By.cssSelector("input[type=password], form.password-form"))).isEmpty();
            assertThat(browser.text()).contains("Passwords are reset in Active Directory")
                    .contains("The password of this account is managed in Active Directory (CORP.EXAMPLE.TEST)");
            WebElement reset = browser.find(By.id("password-reset-link"));
            assertThat(reset.getText()).isEqualTo("Reset your password");
            assertThat(reset.getAttribute("href")).isEqualTo(resetUrl);
            shoot(browser, "portal-connector-password");
        }
    }

    @Test
    void keyboardUsersSkipToTheTilesAndSeeWhereTheFocusIs() {
        String id = suffix();
        try (PortalRealm portal = connectorRealm(); TestApplication app = TestApplication.start(); Browser browser = Browser.open()) {
            String open = portal.openApplication(app, "portal-open-" + id);
            signIn(browser, portal, "", "alice", ALICE_PASSWORD);
            Actions keyboard = new Actions(browser.driver());

            keyboard.sendKeys(Keys.TAB).perform();
            WebElement skip = focused(browser);
            assertThat(skip.getText()).isEqualTo("Skip to main content");
            assertThat(skip.getRect().getY()).as("the skip link shows when focused").isGreaterThanOrEqualTo(0);
            assertThat(skip.getCssValue("outline-style")).isEqualTo("solid");

            keyboard.sendKeys(Keys.ENTER).perform();
            assertThat(focused(browser).getAttribute("id")).isEqualTo("main");
            keyboard.sendKeys(Keys.TAB).perform();
            WebElement tile = focused(browser);
            assertThat(tile.getAttribute("class")).contains("tile-link");
            assertThat(tileNames(browser).get(0)).isEqualTo(tile.getText());
            // The tile's focus ring is drawn around the whole tile (the link's ::after).
            assertThat(((JavascriptExecutor) browser.driver())
                    .executeScript("return getComputedStyle(arguments[0], '::after').outlineStyle", tile)).isEqualTo("solid");
            assertThat(tileNames(browser)).contains(open);

            keyboard.sendKeys(Keys.ENTER).perform();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(app.rootUrl())
                    || !d.getCurrentUrl().startsWith(portal.url("")));
            assertThat(browser.url()).as("Enter on a focused tile launches it").doesNotStartWith(portal.url(""));
        }
    }

    @Test
    void signingOutEndsTheSessionAndThePortalAsksForASignInAgain() {
        try (PortalRealm portal = connectorRealm(); Browser browser = Browser.open()) {
            signIn(browser, portal, "profile", "alice", ALICE_PASSWORD);

            browser.clickAndWait(By.id("sign-out"));
            // Keycloak asks to confirm: the portal holds no ID token to hint the logout with.
            browser.clickAndWait(By.cssSelector("form [type=submit]"));

            waitFor(browser, By.id("username"));
            browser.go(portal.url("profile"));
            waitFor(browser, By.id("username"));
            assertThat(browser.url()).doesNotStartWith(portal.url(""));
        }
    }

    @Test
    @Tag("smoke")
    void trustUserOfThePartnerForestSeesSyncedGroupsApplicationsAndThePasswordForm() {
        TrustForests forests = TrustRealms.embedded();
        String id = suffix();
        Instant syncStarted = Instant.now();
        try (PortalRealm portal = trustRealm(forests); TestApplication app = TestApplication.start(); Browser browser = Browser.open()) {
            Instant syncEnded = Instant.now();
            String partnerStaff = portal.admin().getGroupByPath("/partner.example.test/PartnerStaff").getId();
            String restricted = portal.restrictedApplication(app, "portal-partner-" + id, partnerStaff);
            ComponentRepresentation trust = portal.adProvider("ad-trust");

            signIn(browser, portal, "", "pat@partner.example.test", "Passw0rd!Pat1");

            assertThat(tileNames(browser)).contains(restricted);
            shoot(browser, "portal-trust-applications");

            browser.go(portal.url("profile"));
            String copied = "Active Directory PARTNER (trust " + trust.getName() + ", copied at sign-in and synchronisation)";
            assertThat(row(browser, "User principal name (UPN)")).containsExactly("pat@partner.example.test", copied);
            assertThat(row(browser, "Domain")).containsExactly("partner.example.test (NetBIOS PARTNER)", copied);
            assertThat(groups(browser)).contains("PARTNER\\PartnerStaff");
            String groupsSource = browser.find(By.id("groups-source")).getText();
            assertThat(groupsSource).startsWith("Source: Active Directory (trust " + trust.getName() + "), synchronised at ");
            // The time shown is the sync this test just ran (Keycloak keeps it hidden from the admin API).
            String lastSync = groupsSource.substring(groupsSource.lastIndexOf(" at ") + 4);
            assertThat(minuteOf(lastSync)).isBetween(syncStarted.truncatedTo(ChronoUnit.MINUTES), syncEnded);
            assertThat(browser.find(By.id("profile-summary")).getText())
                    .startsWith("Synchronised from Active Directory PARTNER by " + trust.getName() + "; last synchronisation " + lastSync);
            shoot(browser, "portal-trust-profile");

            browser.go(portal.url("password"));
            for (String field : List.of("password-current", "password-new", "password-confirm")) {
                assertThat(browser.find(By.cssSelector("label[for=" + field + "]")).getText()).isNotBlank();
                assertThat(browser.find(By.id(field)).getAttribute("type")).isEqualTo("password");
            }
            assertThat(browser.find(By.id("password-intro")).getText()).contains("Active Directory (PARTNER)");
            shoot(browser, "portal-trust-password");
        }
    }

    /**
     * On Samba the service account may reset passwords (.ci/run delegates the right), so the change
     * goes through; the embedded forests are reached over plain LDAP, where AD takes no password,
     * so there the portal must say so and the old password must keep working.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void trustUserChangesTheirPasswordInActiveDirectoryAndSeesItsRefusals(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String sam = "pp-" + suffix();
        String upn = sam + "@corp.example.test";
        String oldPassword = "Passw0rd!Old1";
        String newPassword = "N3w!Passw0rd-" + sam;
        corp.createUser(sam, oldPassword, "Petra", "Portal", null);
        try (PortalRealm portal = trustRealm(forests); Browser browser = Browser.open()) {
            String name = forests.name();
            signIn(browser, portal, "password", upn, oldPassword);

            // A form posted with another token (as a forged cross-site post would be) changes nothing.
            ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('input[name=csrf]').value = 'forged'");
            submitPassword(browser, oldPassword, newPassword, newPassword);
            assertThat(error(browser)).startsWith("This form has expired or did not come from this portal");
            shoot(browser, "portal-trust-password-forged-" + name);
            browser.go(portal.url("password") + "?changed=1");
            assertThat(browser.findAll(By.id("password-notice"))).as("a crafted link cannot claim a change").isEmpty();

            submitPassword(browser, "not-" + oldPassword, newPassword, newPassword);
            assertThat(error(browser)).isEqualTo("The current password is not correct.");
            shoot(browser, "portal-trust-password-wrong-current-" + name);

            submitPassword(browser, oldPassword, "abc", "abc");
            String refusal = error(browser);
            shoot(browser, "portal-trust-password-refused-" + name);

            OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            if (name.equals("samba")) {
                assertThat(refusal).contains("refused the new password: it is too short for the password policy");
                submitPassword(browser, oldPassword, newPassword, newPassword);
                assertThat(browser.find(By.id("password-notice")).getText()).startsWith("Your password was changed in Active Directory");
                shoot(browser, "portal-trust-password-changed-" + name);

                browser.clickAndWait(By.id("sign-out"));
                browser.clickAndWait(By.cssSelector("form [type=submit]"));
                waitFor(browser, By.id("username"));
                browser.signIn(upn, newPassword);
                waitForUrl(browser, portal.url(""));
                assertThat(browser.find(By.id("signed-in-as")).getText()).isEqualTo("Signed in as Petra Portal");
                assertThat(oidc.directGrant(upn, oldPassword).ok()).as("the old password").isFalse();
            } else {
                assertThat(refusal).contains("is not encrypted");
                assertThat(oidc.directGrant(upn, oldPassword).ok()).as("the old password still works").isTrue();
            }
        } finally {
            corp.deleteUser(sam);
            // The sync removes the imported copy (the admin API refuses to delete a trust user).
            TrustRealms.fullSync(admin, realm);
        }
    }

    @Test
    void aKeycloakUserOfTheSameRealmIsSentToKeycloaksOwnPasswordUpdate() {
        String username = "portal-local-" + suffix();
        try (PortalRealm portal = connectorRealm(); Browser browser = Browser.open()) {
            String userId = createLocalUser(portal, username, "Passw0rd!Local1");
            try {
                signIn(browser, portal, "profile", username, "Passw0rd!Local1");

                assertThat(row(browser, "Username")).containsExactly(username, "Keycloak (this realm)");
                assertThat(browser.findAll(By.id("groups-heading"))).as("no AD groups section").isEmpty();
                shoot(browser, "portal-local-profile");

                browser.go(portal.url("password"));
                assertThat(browser.findAll(By.cssSelector("input[type=password]"))).isEmpty();
                WebElement update = browser.find(By.id("password-update-link"));
                assertThat(update.getAttribute("href")).contains("kc_action=UPDATE_PASSWORD").contains("client_id=account");
                shoot(browser, "portal-local-password");

                browser.clickAndWait(By.id("password-update-link"));
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(d -> d.getCurrentUrl().contains("execution=UPDATE_PASSWORD"));
            } finally {
                portal.admin().users().get(userId).remove();
            }
        }
    }

    private PortalRealm connectorRealm() {
        return PortalRealm.of(admin, urls.getBase(), Directories.ready(admin, Directories.embedded()).realm());
    }

    /** The trust realm after a full sync (its groups are Keycloak groups only once synchronised). */
    private PortalRealm trustRealm(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        TrustRealms.fullSync(admin, realm);
        return PortalRealm.of(admin, urls.getBase(), realm);
    }

    private String createLocalUser(PortalRealm portal, String username, String password) {
        return portal.createLocalUser(username, password);
    }

    /** Opens a portal page, signs in on Keycloak's form and waits to be back on that page. */
    private static void signIn(Browser browser, PortalRealm portal, String page, String username, String password) {
        browser.go(portal.url(page));
        waitFor(browser, By.id("username"));
        browser.signIn(username, password);
        waitForUrl(browser, portal.url(page));
    }

    private static void submitPassword(Browser browser, String current, String next, String confirm) {
        browser.type("password-current", current).type("password-new", next).type("password-confirm", confirm);
        browser.clickAndWait(By.id("password-submit"));
    }

    private static String error(Browser browser) {
        return browser.find(By.id("password-error")).getText();
    }

    private static void shoot(Browser browser, String name) {
        browser.screenshot(name);
        browser.assertAccessible(name);
    }

    private static List<String> tileNames(Browser browser) {
        return browser.findAll(By.cssSelector(".tile-link")).stream().map(WebElement::getText).toList();
    }

    private static String tileText(Browser browser, String name) {
        return browser.find(By.xpath("//li[contains(@class,'tile')][.//a[normalize-space()='" + name + "']]")).getText();
    }

    /** A row of the profile table: its value and its source. */
    private static List<String> row(Browser browser, String label) {
        return browser.findAll(By.xpath("//table[contains(@class,'facts')]//tr[th[normalize-space()='" + label + "']]/td"))
                .stream().map(WebElement::getText).toList();
    }

    private static List<String> groups(Browser browser) {
        return browser.findAll(By.cssSelector(".groups li")).stream().map(WebElement::getText).toList();
    }

    private static WebElement focused(Browser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /** A time as the portal prints it (2026-07-10 14:03 UTC). */
    private static Instant minuteOf(String shown) {
        return LocalDateTime.parse(shown, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")).toInstant(ZoneOffset.UTC);
    }

    private static void waitFor(Browser browser, By element) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .withMessage(() -> "waiting for " + element + " at " + browser.url())
                .until(d -> !d.findElements(element).isEmpty());
    }

    private static void waitForUrl(Browser browser, String url) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .withMessage(() -> "waiting for " + url + ", at " + browser.url() + ": " + browser.text())
                .until(d -> url.equals(d.getCurrentUrl()));
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
