package net.adfederation.it.portal;

import net.adfederation.it.browser.*;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's security pages in a real browser: second factors (an authenticator app enrolled
 * through Keycloak's own CONFIGURE_TOTP action, used at the next sign-in, removed after a
 * confirmation) for a connector user on the embedded AD and on Samba, a trust user and a
 * Keycloak user; a security key (Chromium's virtual authenticator) registered through Keycloak's
 * webauthn-register action and removed, by a trust user and a Keycloak user; a passkey registered
 * by a connector user, who then signs in with it alone; and the devices page, which ends the
 * user's sessions in other browsers.
 * Every new page is kept as a screenshot under target/screenshots/ and checked with axe-core.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class SecurityPagesBrowserTest {

    private static final String ALICE_PASSWORD = "Passw0rd!Alice";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** A user of one kind in one realm: the realm (made ready by the test) and who signs in. */
    record Account(String name, Function<SecurityPagesBrowserTest, PortalRealm> realm, String username, String password) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Account> accounts() {
        return Stream.of(
                new Account("connector-embedded", t -> t.portal(Directories.ready(t.admin, Directories.embedded()).realm()), "alice", ALICE_PASSWORD),
                new Account("connector-samba", t -> t.portal(Directories.ready(t.admin, Directories.samba()).realm()), "alice", ALICE_PASSWORD),
                new Account("trust-embedded", SecurityPagesBrowserTest::trustPortal, "alice@corp.example.test", ALICE_PASSWORD),
                new Account("keycloak-user", t -> t.portal(Directories.ready(t.admin, Directories.embedded()).realm()), null, "Passw0rd!Local1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void userEnrolsAnAuthenticatorAppSignsInWithItAndRemovesIt(Account account) {
        try (PortalRealm portal = account.realm().apply(this); Browser browser = Browser.open()) {
            String username = username(portal, account);
            String userId = userId(portal, username);
            removedAfterwards(portal, userId, "otp");
            assertThat(browserFlowAuthenticators(portal)).as("the realm's browser flow asks for OTP where configured")
                    .contains("conditional-user-configured", "auth-otp-form");
            signIn(browser, portal, "security", username, account.password());
            assertThat(browser.find(By.id("security-none")).getText()).isEqualTo("You have no second factor yet.");
            assertThat(browser.findAll(By.cssSelector("nav a")).stream().map(WebElement::getText).toList())
                    .containsExactly("Applications", "Directory profile", "Password", "Security", "Devices");
            browser.keep("portal-security-" + account.name());

            // Keycloak's own set-up page (CONFIGURE_TOTP as an application-initiated action of client account).
            browser.clickAndWait(By.id("security-add-CONFIGURE_TOTP"));
            browser.waitFor(By.id("mode-manual"));
            browser.clickAndWait(By.id("mode-manual"));
            Totp app = new Totp(browser.find(By.id("kc-totp-secret-key")).getText());
            browser.screenshot("portal-security-totp-setup-" + account.name());
            long enrolStep = Totp.stepAt(Instant.now());
            browser.type("totp", app.code(enrolStep)).type("userLabel", "Phone");
            browser.clickAndWait(By.id("saveTOTPBtn"));
            browser.waitForUrl(portal.url("security"));

            List<String> row = browser.findAll(By.cssSelector("#security-factors tbody tr > *")).stream().map(WebElement::getText).toList();
            assertThat(row).startsWith("Authenticator app", "Phone");
            browser.keep("portal-security-with-app-" + account.name());
            List<String> stored = KeycloakDatabase.credentialRows(userId);
            if (account.name().startsWith("connector")) {
                assertThat(stored).as("an OTP row, no password row").containsExactly("FED_USER_CREDENTIAL:otp");
            } else if (account.name().startsWith("trust")) {
                assertThat(stored).as("an OTP row, no password row").containsExactly("CREDENTIAL:otp");
            } else {
                assertThat(stored).containsExactlyInAnyOrder("CREDENTIAL:otp", "CREDENTIAL:password");
            }

            // The next sign-in asks for the code (the conditional OTP of the realm's browser flow).
            signOut(browser);
            browser.signIn(username, account.password());
            browser.waitFor(By.id("otp"));
            browser.screenshot("portal-security-otp-sign-in-" + account.name());
            long step = Math.max(Totp.stepAt(Instant.now()), enrolStep + 1); // a code is good once
            browser.type("otp", app.code(step)).clickAndWait(By.id("kc-login"));
            browser.waitForUrl(portal.url(""));

            // Removal asks first; a forged form changes nothing.
            browser.go(portal.url("security"));
            browser.clickAndWait(By.cssSelector("#security-factors a.remove-link"));
            assertThat(browser.find(By.id("security-confirm")).getText()).contains("Remove this second factor?")
                    .contains("After removing Authenticator app Phone you can no longer sign in with it.");
            browser.keep("portal-security-remove-confirm-" + account.name());
            ((JavascriptExecutor) browser.driver()).executeScript("document.querySelector('#security-confirm input[name=csrf]').value = 'forged'");
            browser.clickAndWait(By.id("security-confirm-remove"));
            assertThat(browser.find(By.id("security-error")).getText()).startsWith("This form has expired or did not come from this portal");
            assertThat(browser.findAll(By.cssSelector("#security-factors tbody tr"))).hasSize(1);

            browser.clickAndWait(By.cssSelector("#security-factors a.remove-link"));
            browser.clickAndWait(By.id("security-confirm-remove"));
            assertThat(browser.find(By.id("security-notice")).getText()).isEqualTo("The second factor was removed.");
            assertThat(browser.findAll(By.id("security-factors"))).isEmpty();
            assertThat(KeycloakDatabase.credentialRows(userId)).noneMatch(r -> r.endsWith(":otp"));

            signOut(browser);
            browser.signIn(username, account.password());
            browser.waitForUrl(portal.url(""));
            assertThat(browser.findAll(By.id("otp"))).as("no code asked").isEmpty();
        }
    }

    @Test
    void devicesPageListsBothBrowsersAndSignsOutTheOtherOne() {
        try (PortalRealm portal = portal(Directories.ready(admin, Directories.embedded()).realm());
             Browser mine = Browser.open(); Browser other = Browser.open()) {
            signIn(other, portal, "", "alice", ALICE_PASSWORD);
            signIn(mine, portal, "devices", "alice", ALICE_PASSWORD);

            List<WebElement> devices = mine.findAll(By.cssSelector(".devices > li"));
            assertThat(devices).hasSizeGreaterThanOrEqualTo(2);
            WebElement current = mine.find(By.cssSelector(".device-current"));
            assertThat(devices.get(0)).isEqualTo(current);
            assertThat(current.getText()).contains("This device").contains("Chrome").contains("Linux")
                    .contains("127.0.0.1").contains("Account");
            mine.keep("portal-devices");

            // One device: its own button.
            String otherSession = mine.findAll(By.cssSelector(".devices > li:not(.device-current)")).get(0).getAttribute("data-session-id");
            mine.clickAndWait(By.cssSelector("li[data-session-id='" + otherSession + "'] button"));
            assertThat(mine.find(By.id("devices-notice")).getText()).startsWith("Signed out.");
            assertThat(mine.findAll(By.cssSelector("li[data-session-id='" + otherSession + "']"))).isEmpty();
            mine.keep("portal-devices-signed-out");

            other.go(portal.url(""));
            other.waitFor(By.id("username"));

            // Everywhere else: the other browser signs in again, and is signed out with the rest.
            other.signIn("alice", ALICE_PASSWORD);
            other.waitForUrl(portal.url(""));
            mine.go(portal.url("devices"));
            assertThat(mine.findAll(By.cssSelector(".devices > li"))).hasSizeGreaterThanOrEqualTo(2);
            mine.clickAndWait(By.id("devices-sign-out-others"));
            assertThat(mine.findAll(By.cssSelector(".devices > li"))).hasSize(1);
            assertThat(mine.findAll(By.id("devices-sign-out-others"))).isEmpty();

            other.go(portal.url("profile"));
            other.waitFor(By.id("username"));
            mine.go(portal.url("profile"));
            assertThat(mine.url()).isEqualTo(portal.url("profile"));
        }
    }

    /** Who can register a security key: users whose id fits a WebAuthn user handle (not connector users, see below). */
    static Stream<Account> keyHolders() {
        return accounts().filter(a -> a.name().equals("trust-embedded") || a.name().equals("keycloak-user"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyHolders")
    void userRegistersASecurityKeyFromTheSecurityPageAndRemovesIt(Account account) {
        try (PortalRealm portal = account.realm().apply(this); Browser browser = Browser.open()) {
            String username = username(portal, account);
            String userId = userId(portal, username);
            removedAfterwards(portal, userId, "webauthn");
            asksForSecurityKeys(portal);
            // Chromium's virtual authenticator stands in for the USB key: it answers like a CTAP2 key whose PIN was entered.
            VirtualAuthenticator key = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));

            signIn(browser, portal, "security", username, account.password());
            assertThat(browser.find(By.id("security-add-webauthn-register")).getText()).isEqualTo("Add a security key");
            assertThat(browser.findAll(By.id("security-keys-unavailable"))).isEmpty();

            // Keycloak's own page (webauthn-register as an application-initiated action); its script asks the key, then for a name.
            browser.clickAndWait(By.id("security-add-webauthn-register"));
            browser.waitFor(By.id("registerWebAuthn"));
            browser.screenshot("portal-security-key-setup-" + account.name());
            browser.find(By.id("registerWebAuthn")).click();
            Alert name = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.alertIsPresent());
            name.sendKeys("YubiKey");
            name.accept();
            browser.waitForUrl(portal.url("security"));

            assertThat(key.getCredentials()).as("the key holds one credential").hasSize(1);
            List<String> row = browser.findAll(By.cssSelector("#security-factors tbody tr > *")).stream().map(WebElement::getText).toList();
            assertThat(row).startsWith("Security key", "YubiKey");
            browser.keep("portal-security-with-key-" + account.name());
            assertThat(KeycloakDatabase.credentialRows(userId)).filteredOn(r -> !r.endsWith(":password"))
                    .containsExactly("CREDENTIAL:webauthn");

            browser.clickAndWait(By.cssSelector("#security-factors a.remove-link"));
            assertThat(browser.find(By.id("security-confirm")).getText())
                    .contains("After removing Security key YubiKey you can no longer sign in with it.");
            browser.keep("portal-security-key-remove-confirm-" + account.name());
            browser.clickAndWait(By.id("security-confirm-remove"));
            assertThat(browser.find(By.id("security-notice")).getText()).isEqualTo("The second factor was removed.");
            assertThat(browser.findAll(By.id("security-factors"))).isEmpty();
            assertThat(KeycloakDatabase.credentialRows(userId)).noneMatch(r -> r.endsWith(":webauthn"));
        }
    }

    /**
     * A connector user's id is short enough for a WebAuthn user handle (f:component:objectGUID in
     * base64url, 61 bytes; it was 75 before, which Chromium refused: "User handle exceeds 64 bytes"):
     * connector alice registers a passkey from the security page through Keycloak's
     * webauthn-register-passwordless action, then signs in with it alone, no name or password typed
     * (the realm's passkeys setting puts "Sign in with Passkey" on the sign-in page).
     */
    @Test
    void connectorUserRegistersAPasskeyAndSignsInWithItAlone() {
        try (PortalRealm portal = portal(Directories.ready(admin, Directories.embedded()).realm()); Browser browser = Browser.open()) {
            String userId = userId(portal, "alice");
            assertThat(userId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).as("the id fits a WebAuthn user handle").hasSizeLessThanOrEqualTo(64);
            removedAfterwards(portal, userId, "webauthn-passwordless");
            offersPasskeys(portal);
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));

            signIn(browser, portal, "security", "alice", ALICE_PASSWORD);
            assertThat(browser.findAll(By.id("security-keys-unavailable"))).isEmpty();
            assertThat(browser.find(By.id("security-add-webauthn-register-passwordless")).getText()).isEqualTo("Add a passkey");
            browser.clickAndWait(By.id("security-add-webauthn-register-passwordless"));
            browser.waitFor(By.id("registerWebAuthn"));
            browser.screenshot("portal-security-passkey-setup-connector");
            browser.find(By.id("registerWebAuthn")).click();
            Alert name = new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.alertIsPresent());
            name.sendKeys("Laptop");
            name.accept();
            browser.waitForUrl(portal.url("security"));

            assertThat(authenticator.getCredentials()).as("one discoverable credential whose user handle is alice's id")
                    .singleElement().satisfies(c -> {
                        assertThat(c.isResidentCredential()).isTrue();
                        assertThat(new String(c.getUserHandle(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(userId);
                    });
            assertThat(browser.findAll(By.cssSelector("#security-factors tbody tr > *")).stream().map(WebElement::getText).toList())
                    .startsWith("Passkey", "Laptop");
            browser.keep("portal-security-with-passkey-connector");
            assertThat(KeycloakDatabase.credentialRows(userId)).containsExactly("FED_USER_CREDENTIAL:webauthn-passwordless");

            // Passwordless: the sign-in page's passkey button, the authenticator answers, alice is in.
            // With her passkey in the authenticator, the sign-in page shown after signing out may sign her
            // in again by itself (conditional UI), so the sign-out does not wait for the form: the proof is
            // a session other than the one she had, made with nothing typed.
            Set<String> sessionsBefore = sessionIds(portal, userId);
            assertThat(sessionsBefore).as("her password sign-in's session").isNotEmpty();
            browser.clickAndWait(By.id("sign-out"));
            browser.clickAndWait(By.cssSelector("form [type=submit]"));
            browser.go(portal.url("profile"));
            String profile = portal.url("profile");
            // Chromium may answer the page's conditional (autofill) request by itself; otherwise the button asks.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(profile)
                    || !d.findElements(By.id("authenticateWebAuthnButton")).isEmpty());
            if (!browser.url().equals(profile)) {
                browser.screenshot("portal-passkey-sign-in-connector");
                browser.find(By.id("authenticateWebAuthnButton")).click();
            }
            browser.waitForUrl(profile);
            assertThat(browser.driver().getPageSource()).as("alice's directory profile").contains("alice@corp.example.test");
            // Other tests' sessions of alice may live on: this browser's session ended, and a new one began.
            Set<String> sessionsAfter = sessionIds(portal, userId);
            assertThat(sessionsBefore).as("the session signed out").isNotEmpty()
                    .anyMatch(id -> !sessionsAfter.contains(id));
            assertThat(sessionsAfter).as("signed in again by her passkey alone").anyMatch(id -> !sessionsBefore.contains(id));
            browser.keep("portal-profile-after-passkey-connector");
        }
    }

    // --- realms and users ------------------------------------------------------------------------------

    private PortalRealm portal(String realm) {
        return PortalRealm.of(admin, urls.getBase(), realm);
    }

    private PortalRealm trustPortal() {
        String realm = TrustRealms.ready(admin, TrustRealms.embedded()).realm();
        TrustRealms.fullSync(admin, realm);
        return portal(realm);
    }

    /** The account's AD user, or a new Keycloak user of the realm. */
    private String username(PortalRealm portal, Account account) {
        return account.username() != null ? account.username() : localUser(portal, account.password());
    }

    /** Whatever happens, the user leaves without credentials of the type: other tests sign alice in with her password alone. */
    private static void removedAfterwards(PortalRealm portal, String userId, String credentialType) {
        portal.onClose(() -> portal.admin().users().get(userId).credentials().stream().filter(c -> credentialType.equals(c.getType()))
                .forEach(c -> portal.admin().users().get(userId).removeCredential(c.getId())));
    }

    /** A Keycloak user of the realm, removed with the realm's other additions. */
    private String localUser(PortalRealm portal, String password) {
        String username = "security-local-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String id = portal.createLocalUser(username, password);
        portal.onClose(() -> portal.admin().users().get(id).remove());
        return username;
    }

    /** The user's id; AD users are found by their UPN (the connector's search takes the name as AD holds it). */
    private static Set<String> sessionIds(PortalRealm portal, String userId) {
        return portal.admin().users().get(userId).getUserSessions().stream()
                .map(org.keycloak.representations.idm.UserSessionRepresentation::getId).collect(java.util.stream.Collectors.toSet());
    }

    private static String userId(PortalRealm portal, String username) {
        String bare = username.replace("@corp.example.test", "");
        return Stream.of(username, bare + "@corp.example.test", bare)
                .flatMap(name -> portal.admin().users().search(name, true).stream()).findFirst()
                .map(UserRepresentation::getId).orElseThrow(() -> new AssertionError("no user " + username));
    }

    /**
     * The realm's browser flow asks for a security key as another second factor (Keycloak's default
     * flow has it, disabled) and users may register one (the webauthn-register required action):
     * what the portal needs to offer the key. Both are put back when the portal closes.
     */
    private static void asksForSecurityKeys(PortalRealm portal) {
        String flow = portal.admin().toRepresentation().getBrowserFlow();
        AuthenticationExecutionInfoRepresentation webauthn = portal.admin().flows().getExecutions(flow).stream()
                .filter(e -> "webauthn-authenticator".equals(e.getProviderId())).findFirst()
                .orElseThrow(() -> new AssertionError("the browser flow has no WebAuthn authenticator"));
        String requirement = webauthn.getRequirement();
        webauthn.setRequirement("ALTERNATIVE");
        portal.admin().flows().updateExecutions(flow, webauthn);
        portal.onClose(() -> {
            webauthn.setRequirement(requirement);
            portal.admin().flows().updateExecutions(flow, webauthn);
        });
        RequiredActionProviderRepresentation register = portal.admin().flows().getRequiredAction("webauthn-register");
        if (!register.isEnabled()) {
            register.setEnabled(true);
            portal.admin().flows().updateRequiredAction("webauthn-register", register);
            portal.onClose(() -> {
                register.setEnabled(false);
                portal.admin().flows().updateRequiredAction("webauthn-register", register);
            });
        }
    }

    /**
     * Passkeys on for the realm (the passwordless policy's passkeys setting, discoverable credentials,
     * user verification) and webauthn-register-passwordless enabled; both put back when the portal closes.
     */
    private static void offersPasskeys(PortalRealm portal) {
        org.keycloak.representations.idm.RealmRepresentation before = portal.admin().toRepresentation();
        // The whole representation: Keycloak rebuilds the passwordless policy from it.
        org.keycloak.representations.idm.RealmRepresentation change = portal.admin().toRepresentation();
        change.setWebAuthnPolicyPasswordlessPasskeysEnabled(true);
        change.setWebAuthnPolicyPasswordlessRequireResidentKey("Yes");
        change.setWebAuthnPolicyPasswordlessUserVerificationRequirement("required");
        portal.admin().update(change);
        portal.onClose(() -> {
            org.keycloak.representations.idm.RealmRepresentation back = portal.admin().toRepresentation();
            back.setWebAuthnPolicyPasswordlessPasskeysEnabled(before.getWebAuthnPolicyPasswordlessPasskeysEnabled());
            back.setWebAuthnPolicyPasswordlessRequireResidentKey(before.getWebAuthnPolicyPasswordlessRequireResidentKey());
            back.setWebAuthnPolicyPasswordlessUserVerificationRequirement(before.getWebAuthnPolicyPasswordlessUserVerificationRequirement());
            portal.admin().update(back);
        });
        RequiredActionProviderRepresentation register = portal.admin().flows().getRequiredAction("webauthn-register-passwordless");
        if (!register.isEnabled()) {
            register.setEnabled(true);
            portal.admin().flows().updateRequiredAction("webauthn-register-passwordless", register);
            portal.onClose(() -> {
                register.setEnabled(false);
                portal.admin().flows().updateRequiredAction("webauthn-register-passwordless", register);
            });
        }
    }

    private static List<String> browserFlowAuthenticators(PortalRealm portal) {
        String flow = portal.admin().toRepresentation().getBrowserFlow();
        return portal.admin().flows().getExecutions(flow).stream()
                .filter(e -> !"DISABLED".equals(e.getRequirement()))
                .map(AuthenticationExecutionInfoRepresentation::getProviderId).toList();
    }

    // --- the browser -----------------------------------------------------------------------------------

    private static void signIn(Browser browser, PortalRealm portal, String page, String username, String password) {
        browser.go(portal.url(page));
        browser.waitFor(By.id("username"));
        browser.signIn(username, password);
        browser.waitForUrl(portal.url(page));
    }

    /** The header's sign-out, confirmed on Keycloak's page; ends on the sign-in form. */
    private static void signOut(Browser browser) {
        browser.clickAndWait(By.id("sign-out"));
        browser.clickAndWait(By.cssSelector("form [type=submit]"));
        browser.waitFor(By.id("username"));
    }
}
