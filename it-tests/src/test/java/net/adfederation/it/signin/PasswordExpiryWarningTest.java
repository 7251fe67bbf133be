package net.adfederation.it.signin;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.browser.PortalRealm;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmEvents;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user whose AD password expires in 3 days sees, after the password step, "Your password expires
 * in 3 days (on 10 December)" in English and in German, goes on with "Later" to the application,
 * and finds the date on the portal's profile and password pages; the sign-in event carries
 * ad_password_expires_days. A user whose password never expires sees nothing of it. On Samba the
 * 3-day lifetime is a fine-grained policy applied to one throwaway user only; the embedded AD
 * knows no such policy, so its domain's maximum age is set for the test and restored.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class PasswordExpiryWarningTest {

    private static final Duration LIFETIME = Duration.ofDays(3);

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void aPasswordThatExpiresInThreeDaysIsAnnouncedInEnglishAndGermanAndLaterGoesOn(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        DirectoryAdmin ad = directory.admin();
        RealmEvents events = new RealmEvents(admin, realm).enable();
        try (ThrowawayUser user = ThrowawayUser.create(ad, "expiry");
             ShortLifetime lifetime = ShortLifetime.of(directory, user.sam());
             Languages languages = Languages.englishAndGerman(admin.realm(realm));
             PortalRealm portal = PortalRealm.of(admin, urls.getBase(), realm)) {
            LocalDate expiry = LocalDate.now(ZoneId.systemDefault()).plusDays(3);

            OidcClient english = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            Document warning = english.submitLogin(english.openLoginPage(OidcClient.Pkce.create(), Map.of("ui_locales", "en")),
                    user.upn(), user.password()).page();
            assertThat(warning).as("a page after the password step").isNotNull();
            assertThat(warning.getElementById("ad-password-expiry").text()).isEqualTo("Your password expires in 3 days (on "
                    + DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).format(expiry) + ").");
            assertThat(warning.getElementById("ad-later").text()).isEqualTo("Later");
            assertThat(warning.getElementById("ad-change-now")).as("no passwordResetUrl, no change at sign-in: nothing to offer").isNull();

            OidcClient.BrowserResult later = english.submitForm(warning, "ad-password-expiry-form", Map.of("adPasswordExpiry", "later"));
            assertThat(later.code()).as("Later goes on to the application").isNotNull();
            assertThat(events.latest("LOGIN").map(RealmEvents::details).orElseThrow())
                    .containsEntry("ad_password_expires_days", "3");

            OidcClient german = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            Document warnung = german.submitLogin(german.openLoginPage(OidcClient.Pkce.create(), Map.of("ui_locales", "de")),
                    user.upn(), user.password()).page();
            assertThat(warnung.getElementById("ad-password-expiry").text()).isEqualTo("Ihr Passwort läuft in 3 Tagen ab (am "
                    + DateTimeFormatter.ofPattern("d. MMMM", Locale.GERMAN).format(expiry) + ").");
            assertThat(warnung.getElementById("ad-later").text()).isEqualTo("Später");

            // The portal: signed in through the same page, then the profile and password pages show the date.
            OidcClient browser = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            Document page = browser.submitLogin(browser.open(URI.create(portal.url("profile"))).page(), user.upn(), user.password()).page();
            Document profile = browser.submitForm(page, "ad-password-expiry-form", Map.of("adPasswordExpiry", "later")).page();
            String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(expiry);
            assertThat(profile.text()).contains("Password expires " + date + " (in 3 days)");
            assertThat(browser.open(URI.create(portal.url("password"))).page().getElementById("password-expiry").text())
                    .isEqualTo("Your Active Directory password expires on " + date + " (in 3 days).");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void aPasswordThatNeverExpiresShowsNothing(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        DirectoryAdmin ad = directory.admin();
        RealmEvents events = new RealmEvents(admin, realm).enable();
        try (ThrowawayUser user = ThrowawayUser.create(ad, "noexpiry");
             ShortLifetime lifetime = ShortLifetime.of(directory, user.sam())) {
            ad.setPasswordNeverExpires(user.sam(), true);
            OidcClient oidc = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
            assertThat(oidc.authorizationCodeSignIn(user.upn(), user.password()).ok()).as("straight to the application").isTrue();
            assertThat(RealmEvents.details(events.latest("LOGIN").orElseThrow())).doesNotContainKey("ad_password_expires_days");
        }
    }

    /** A 3-day password lifetime for one user: a PSO on Samba, the domain's maxPwdAge on the embedded AD (restored to 42 days). */
    private record ShortLifetime(DirectoryAdmin ad, String pso) implements AutoCloseable {

        static ShortLifetime of(TestDirectory directory, String sam) {
            DirectoryAdmin ad = directory.admin();
            if (directory instanceof EmbeddedDirectory) {
                ad.setMaxPasswordAge(LIFETIME);
                return new ShortLifetime(ad, null);
            }
            return new ShortLifetime(ad, ad.createPasswordSettings("adfed-" + sam, sam, LIFETIME, Duration.ZERO, 0));
        }

        @Override
        public void close() {
            if (pso == null) ad.setMaxPasswordAge(Duration.ofDays(42));
            else ad.deletePasswordSettings(pso);
        }
    }

    /** The realm in English and German for the test; closing puts its languages back. */
    private record Languages(RealmResource realm, RealmRepresentation before) implements AutoCloseable {

        static Languages englishAndGerman(RealmResource realm) {
            RealmRepresentation before = realm.toRepresentation();
            RealmRepresentation changed = realm.toRepresentation();
            changed.setInternationalizationEnabled(true);
            changed.setSupportedLocales(java.util.Set.of("en", "de"));
            changed.setDefaultLocale("en");
            realm.update(changed);
            return new Languages(realm, before);
        }

        @Override
        public void close() {
            RealmRepresentation now = realm.toRepresentation();
            now.setInternationalizationEnabled(Boolean.TRUE.equals(before.isInternationalizationEnabled()));
            now.setSupportedLocales(before.getSupportedLocales() == null ? java.util.Set.of() : before.getSupportedLocales());
            now.setDefaultLocale(before.getDefaultLocale() == null ? "" : before.getDefaultLocale());
            realm.update(now);
        }
    }
}
