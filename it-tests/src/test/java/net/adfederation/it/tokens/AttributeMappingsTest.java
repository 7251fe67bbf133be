package net.adfederation.it.tokens;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import net.adfederation.it.support.UserAttributeMappers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.UserProfileAttributeMetadata;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * attributeMappings in both modes: employeeID, department and manager set on an AD account show
 * read-only through the admin REST API (what the admin console shows) and reach an access token
 * through Keycloak's own User Attribute mapper; a change in AD shows at the next request
 * (connector) or after a changed sync (trust). The accounts are made for the test and deleted
 * after it, so Samba is left as it was.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class AttributeMappingsTest {

    static final List<String> MAPPINGS = List.of("employeeID=employeeId", "department=department", "manager=manager:upn");

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void connectorModeShowsMappedAttributesLiveInTheApiAndInTokens(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        DirectoryAdmin ad = directory.admin();
        ComponentRepresentation provider = provider(realm, "ad-connector");
        List<String> mappers = new ArrayList<>();
        try (ThrowawayUser boss = ThrowawayUser.create(ad, "boss"); ThrowawayUser report = ThrowawayUser.create(ad, "report")) {
            ad.setAttribute(report.sam(), "employeeID", "E-1001");
            ad.setAttribute(report.sam(), "department", "Research");
            ad.setAttribute(report.sam(), "manager", ad.dnOf(boss.sam()));
            setMappings(realm, provider, MAPPINGS);
            mappers.addAll(addUserAttributeMappers(realm));

            TokenResult first = new OidcClient(urls.getBase(), realm, Directories.CLIENT).directGrant(report.upn(), report.password());
            assertThat(first.ok()).as(first.errorDescription()).isTrue();
            assertThat(first.accessToken().getOtherClaims()).containsEntry("employeeId", "E-1001")
                    .containsEntry("department", "Research").containsEntry("manager", boss.upn().toLowerCase());
            assertReadOnlyInTheAdminApi(realm, report.upn(), "E-1001", boss.upn().toLowerCase());
            assertOnTheProfilePage(realm, report, "E-1001", boss.upn().toLowerCase());

            ad.setAttribute(report.sam(), "employeeID", "E-2002");
            TokenResult next = new OidcClient(urls.getBase(), realm, Directories.CLIENT).directGrant(report.upn(), report.password());
            assertThat(next.accessToken().getOtherClaims()).as("read live: the next request shows AD's change")
                    .containsEntry("employeeId", "E-2002");
        } finally {
            deleteMappers(realm, mappers);
            setMappings(realm, provider(realm, "ad-connector"), List.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void trustModeSynchronisesMappedAttributesAndAChangedSyncPicksUpAChange(TrustForests forests) {
        String realm = TrustRealms.ready(admin, forests).realm();
        DirectoryAdmin ad = forests.corpAdmin();
        List<String> mappers = new ArrayList<>();
        try (ThrowawayUser boss = ThrowawayUser.create(ad, "boss"); ThrowawayUser report = ThrowawayUser.create(ad, "report")) {
            ad.setAttribute(report.sam(), "employeeID", "E-1001");
            ad.setAttribute(report.sam(), "department", "Research");
            ad.setAttribute(report.sam(), "manager", ad.dnOf(boss.sam()));
            setMappings(realm, TrustRealms.provider(admin, realm), MAPPINGS);
            mappers.addAll(addUserAttributeMappers(realm));
            TrustRealms.fullSync(admin, realm);

            assertReadOnlyInTheAdminApi(realm, report.upn(), "E-1001", boss.upn().toLowerCase());
            assertOnTheProfilePage(realm, report, "E-1001", boss.upn().toLowerCase());
            TokenResult first = new OidcClient(urls.getBase(), realm, Directories.CLIENT).directGrant(report.upn(), report.password());
            assertThat(first.ok()).as(first.errorDescription()).isTrue();
            assertThat(first.accessToken().getOtherClaims()).containsEntry("employeeId", "E-1001")
                    .containsEntry("department", "Research").containsEntry("manager", boss.upn().toLowerCase());

            ad.setAttribute(report.sam(), "employeeID", "E-2002");
            TrustRealms.changedSync(admin, realm);
            assertThat(user(realm, report.upn()).getAttributes()).as("after a changed sync")
                    .containsEntry("employeeId", List.of("E-2002"));
        } finally {
            deleteMappers(realm, mappers);
            setMappings(realm, TrustRealms.provider(admin, realm), List.of());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.Directories#both")
    void aBadEntryIsRefusedAtSaveNamingIt(TestDirectory directory) {
        String realm = Directories.ready(admin, directory).realm();
        ComponentRepresentation provider = provider(realm, "ad-connector");
        provider.getConfig().put("attributeMappings", List.of("employeeID=employeeId", "manager=manager:guid"));
        try {
            realm(realm).components().component(provider.getId()).update(provider);
            throw new AssertionError("saved a bad mapping");
        } catch (BadRequestException refused) {
            String body = refused.getResponse().readEntity(String.class);
            assertThat(body).contains("manager=manager:guid").contains(":guid is not one of");
        }
        assertThat(provider(realm, "ad-connector").getConfig().get("attributeMappings")).as("nothing saved").isNullOrEmpty();
    }

    private void assertReadOnlyInTheAdminApi(String realm, String upn, String employeeId, String managerUpn) {
        UserRepresentation user = user(realm, upn);
        assertThat(user.getAttributes()).containsEntry("employeeId", List.of(employeeId))
                .containsEntry("department", List.of("Research")).containsEntry("manager", List.of(managerUpn));
        Map<String, UserProfileAttributeMetadata> metadata = new HashMap<>();
        user.getUserProfileMetadata().getAttributes().forEach(a -> metadata.put(a.getName(), a));
        for (String name : List.of("employeeId", "department", "manager")) {
            assertThat(metadata).as("declared in the user profile: " + name).containsKey(name);
            assertThat(metadata.get(name).isReadOnly()).as(name + " is read-only").isTrue();
        }
        // An admin's edit is refused or ignored: AD stays the source.
        UserRepresentation edit = user(realm, upn);
        edit.getAttributes().put("employeeId", List.of("edited"));
        try {
            realm(realm).users().get(edit.getId()).update(edit);
        } catch (RuntimeException refused) {
            // a read-only user refuses the write outright; either way the value stays AD's
        }
        assertThat(user(realm, upn).getAttributes()).containsEntry("employeeId", List.of(employeeId));
    }

    /** The portal's profile page (ad-portal), signed in as the user: the mapped attributes with their English labels. */
    private void assertOnTheProfilePage(String realm, ThrowawayUser user, String employeeId, String managerUpn) {
        OidcClient browser = new OidcClient(urls.getBase(), realm, Directories.CLIENT);
        URI page = URI.create(urls.getBase() + "/realms/" + realm + "/account/profile");
        String text = browser.submitLogin(browser.open(page).page(), user.upn(), user.password()).text();
        assertThat(text).contains("Employee ID").contains(employeeId).contains("Manager").contains(managerUpn)
                .contains("Research");
    }

    private UserRepresentation user(String realm, String upn) {
        List<UserRepresentation> found = realm(realm).users().search(upn.toLowerCase(), true);
        assertThat(found).as("user " + upn).hasSize(1);
        return realm(realm).users().get(found.get(0).getId()).toRepresentation(true);
    }

    private List<String> addUserAttributeMappers(String realm) {
        return UserAttributeMappers.add(admin, realm, Directories.CLIENT, List.of("employeeId", "department", "manager"));
    }

    private void deleteMappers(String realm, List<String> ids) {
        UserAttributeMappers.delete(admin, realm, Directories.CLIENT, ids);
    }

    private void setMappings(String realm, ComponentRepresentation provider, List<String> mappings) {
        provider.getConfig().put("attributeMappings", new ArrayList<>(mappings));
        realm(realm).components().component(provider.getId()).update(provider);
    }

    private ComponentRepresentation provider(String realm, String providerId) {
        return realm(realm).components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> providerId.equals(c.getProviderId())).findFirst().orElseThrow();
    }

    private RealmResource realm(String realm) {
        return admin.realm(realm);
    }
}
