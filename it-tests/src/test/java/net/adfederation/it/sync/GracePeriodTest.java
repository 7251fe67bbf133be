package net.adfederation.it.sync;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.browser.Totp;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deletionGraceDays, on the embedded forests and on Samba's: a user deleted in AD is disabled, not
 * removed, and keeps its authenticator app; brought back with the same objectGUID within the period
 * (on Samba restored from Deleted Objects by tombstone reanimation, as an AD admin restores one; on
 * the embedded AD created again and given the old objectGUID), it signs in with the same app; a
 * group deleted in AD is kept with its members and role mappings and is the same Keycloak group
 * when back; missing longer than the period, each is removed.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class GracePeriodTest {

    private static final String REALM = "trust-grace";
    private static final String PASSWORD = "Passw0rd!Grace1";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void aDeletedUserIsDisabledKeepsItsOtpAndSignsInWithItWhenBackThenGoesAfterThePeriod(TrustForests forests) throws Exception {
        forests.assumeAvailable();
        DirectoryAdmin corp = forests.corpAdmin();
        String prefix = "gr" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String sam = prefix + "u";
        String scope = prefix + "scope";
        corp.createUser(sam, PASSWORD, "Grace", "User", null);
        corp.createUser(prefix + "v", PASSWORD, "Other", "User", null);
        corp.createGroup(scope);
        corp.addToGroup(sam, scope);
        corp.addToGroup(prefix + "v", scope);
        UUID guid = corp.objectGuidOf(sam);
        String dn = corp.dnOf(sam);
        try {
            importAndSync(forests, scope);
            String username = sam + "@corp.example.test";
            UserRepresentation user = admin.realm(REALM).users().search(username, true).get(0);
            UserResource userResource = admin.realm(REALM).users().get(user.getId());

            // An authenticator app, through Keycloak's own set-up page at sign-in.
            user.setRequiredActions(List.of("CONFIGURE_TOTP"));
            userResource.update(user);
            OidcClient oidc = new OidcClient(urls.getBase(), REALM, "demo-app");
            Document setup = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), username, PASSWORD).page();
            if (setup.getElementById("kc-totp-secret-key") == null) setup = oidc.openLink(setup, "#mode-manual");
            Totp app = new Totp(setup.getElementById("kc-totp-secret-key").text());
            long enrolStep = Totp.stepAt(Instant.now());
            assertThat(oidc.submitForm(setup, "kc-totp-settings-form", Map.of("totp", app.code(enrolStep), "userLabel", "Phone"))
                    .code()).as("enrolled").isNotNull();
            String otpId = otpCredential(userResource);

            corp.deleteUser(sam);
            SynchronizationResultRepresentation missing = TrustRealms.fullSync(admin, REALM);
            assertThat(missing.getRemoved()).as(missing.getStatus()).isZero();
            assertThat(missing.getStatus()).contains("disabled for the grace period");
            UserRepresentation disabled = userResource.toRepresentation();
            assertThat(disabled.getAttributes()).containsKey("adMissingSince");
            assertThat(otpCredential(userResource)).as("the OTP credential is kept").isEqualTo(otpId);
            OidcClient.BrowserResult refused = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), username, PASSWORD);
            assertThat(refused.code()).as("no sign-in while missing").isNull();

            // Back within the period, with the same objectGUID.
            bringBack(forests, sam, guid, dn, false);
            corp.addToGroup(sam, scope);
            SynchronizationResultRepresentation back = TrustRealms.fullSync(admin, REALM);
            assertThat(back.getFailed()).as(back.getStatus()).isZero();
            assertThat(admin.realm(REALM).users().search(username, true)).extracting(UserRepresentation::getId).containsExactly(user.getId());
            assertThat(userResource.toRepresentation().getAttributes().getOrDefault("adMissingSince", List.of())).isEmpty();
            assertThat(otpCredential(userResource)).isEqualTo(otpId);
            Document otpPage = oidc.submitLogin(oidc.openLoginPage(OidcClient.Pkce.create(), Map.of()), username, PASSWORD).page();
            long step = Math.max(Totp.stepAt(Instant.now()), enrolStep + 1);
            while (Totp.stepAt(Instant.now()) < step) Thread.sleep(500); // a code is good once
            assertThat(oidc.submitForm(otpPage, "kc-otp-login-form", Map.of("otp", app.code(step))).code())
                    .as("signs in with the same authenticator app").isNotNull();

            // Missing longer than the period (here about a second): removed. The other user, as the embedded AD
            // cannot keep two tombstones of one objectGUID.
            setGrace("0.00001");
            String other = prefix + "v@corp.example.test";
            UserResource otherUser = admin.realm(REALM).users().get(admin.realm(REALM).users().search(other, true).get(0).getId());
            corp.deleteUser(prefix + "v");
            assertThat(TrustRealms.fullSync(admin, REALM).getRemoved()).isZero();
            assertThat(otherUser.toRepresentation().getAttributes()).containsKey("adMissingSince");
            Thread.sleep(1500);
            SynchronizationResultRepresentation after = TrustRealms.fullSync(admin, REALM);
            assertThat(after.getRemoved()).as(after.getStatus()).isEqualTo(1);
            assertThat(admin.realm(REALM).users().search(other, true)).isEmpty();
            assertThat(admin.realm(REALM).users().search(username, true)).as("back in AD, kept").hasSize(1);
        } finally {
            admin.realm(REALM).remove();
            for (String name : List.of(sam, prefix + "v")) {
                try {
                    corp.deleteUser(name);
                } catch (RuntimeException alreadyGone) {
                    // the test deleted it
                }
            }
            corp.deleteGroup(scope);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void aDeletedGroupIsKeptWithItsMembersAndRolesIsTheSameGroupWhenBackThenGoesAfterThePeriod(TrustForests forests)
            throws Exception {
        forests.assumeAvailable();
        DirectoryAdmin corp = forests.corpAdmin();
        String prefix = "gg" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String sam = prefix + "u";
        String scope = prefix + "scope";
        String team = prefix + "team";
        String temp = prefix + "temp";
        corp.createUser(sam, PASSWORD, "Group", "Member", null);
        for (String group : List.of(scope, team, temp)) corp.createGroup(group);
        for (String member : List.of(sam, team, temp)) corp.addToGroup(member, scope);
        corp.addToGroup(sam, team);
        corp.addToGroup(sam, temp);
        UUID guid = corp.objectGuidOf(team);
        String dn = corp.dnOf(team);
        try {
            importAndSync(forests, scope);
            String userId = admin.realm(REALM).users().search(sam + "@corp.example.test", true).get(0).getId();
            GroupRepresentation teamGroup = group(team);
            admin.realm(REALM).roles().create(new RoleRepresentation("team-role", "given to the AD group", false));
            RoleRepresentation role = admin.realm(REALM).roles().get("team-role").toRepresentation();
            GroupResource teamResource = admin.realm(REALM).groups().group(teamGroup.getId());
            teamResource.roles().realmLevel().add(List.of(role));

            corp.deleteGroup(team);
            SynchronizationResultRepresentation missing = TrustRealms.fullSync(admin, REALM);
            assertThat(missing.getFailed()).as(missing.getStatus()).isZero();
            assertThat(missing.getStatus()).contains("1 groups missing from Active Directory are kept for the grace period");
            GroupRepresentation kept = teamResource.toRepresentation();
            assertThat(kept.getAttributes()).as("marked, not removed").containsKey("adMissingSince");
            assertThat(memberIds(teamResource)).as("its members kept").containsExactly(userId);
            assertThat(roleNames(teamResource)).as("its role mapping kept").contains("team-role");

            // Back within the period, with the same objectGUID: the same Keycloak group, mark gone.
            bringBack(forests, team, guid, dn, true);
            corp.addToGroup(team, scope);
            corp.addToGroup(sam, team);
            SynchronizationResultRepresentation back = TrustRealms.fullSync(admin, REALM);
            assertThat(back.getFailed()).as(back.getStatus()).isZero();
            assertThat(group(team).getId()).isEqualTo(teamGroup.getId());
            assertThat(teamResource.toRepresentation().getAttributes().getOrDefault("adMissingSince", List.of())).isEmpty();
            assertThat(memberIds(teamResource)).containsExactly(userId);
            assertThat(roleNames(teamResource)).contains("team-role");

            // Missing longer than the period: removed (another group: the embedded AD keeps one tombstone per objectGUID).
            setGrace("0.00001");
            String tempId = group(temp).getId();
            corp.deleteGroup(temp);
            assertThat(TrustRealms.fullSync(admin, REALM).getFailed()).isZero();
            assertThat(admin.realm(REALM).groups().group(tempId).toRepresentation().getAttributes()).containsKey("adMissingSince");
            Thread.sleep(1500);
            SynchronizationResultRepresentation after = TrustRealms.fullSync(admin, REALM);
            assertThat(after.getFailed()).as(after.getStatus()).isZero();
            assertThat(groupNamed(temp)).as("removed after the period").isNull();
            assertThat(group(team).getId()).as("back in AD, kept").isEqualTo(teamGroup.getId());
        } finally {
            admin.realm(REALM).remove();
            try {
                corp.deleteUser(sam);
            } catch (RuntimeException alreadyGone) {
                // not created
            }
            for (String group : List.of(team, temp, scope)) {
                try {
                    corp.deleteGroup(group);
                } catch (RuntimeException alreadyGone) {
                    // the test deleted it
                }
            }
        }
    }

    /**
     * An account deleted in AD back with its objectGUID: on Samba restored from Deleted Objects, with
     * what the tombstone lost set again (UPN, password; the caller puts back memberships); on the
     * embedded AD created again with the old objectGUID.
     */
    private static void bringBack(TrustForests forests, String sam, UUID guid, String dn, boolean group) throws Exception {
        DirectoryAdmin corp = forests.corpAdmin();
        if (forests instanceof EmbeddedTrustForests embedded) {
            if (group) corp.createGroup(sam);
            else corp.createUser(sam, PASSWORD, "Grace", "User", null);
            embedded.forests().corp().forgeObjectGuid(sam, guid);
            return;
        }
        corp.restoreDeleted(guid, dn);
        if (group) return;
        corp.setUserPrincipalName(sam, corp.upnOf(sam));
        corp.resetPassword(sam, PASSWORD);
        corp.enable(sam);
    }

    private GroupRepresentation group(String name) {
        GroupRepresentation found = groupNamed(name);
        assertThat(found).as("Keycloak group " + name).isNotNull();
        return found;
    }

    /** The group of that name anywhere in the realm's tree, with its attributes, or null. */
    private GroupRepresentation groupNamed(String name) {
        List<GroupRepresentation> level = admin.realm(REALM).groups().groups(null, 0, 1000, false);
        while (!level.isEmpty()) {
            List<GroupRepresentation> below = new java.util.ArrayList<>();
            for (GroupRepresentation group : level) {
                if (group.getName().equals(name)) return group;
                below.addAll(admin.realm(REALM).groups().group(group.getId()).getSubGroups(0, 1000, false));
            }
            level = below;
        }
        return null;
    }

    private static List<String> memberIds(GroupResource group) {
        return group.members().stream().map(UserRepresentation::getId).toList();
    }

    private static List<String> roleNames(GroupResource group) {
        return group.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName).toList();
    }

    /** The realm on CORP alone, scoped to the group, with a grace period of a day, synchronised once. */
    private void importAndSync(TrustForests forests, String scope) {
        Map<String, String> values = new HashMap<>(forests.realmFileValues());
        values.put("AD_SYNC_SCOPE_GROUPS", "CORP\\" + scope);
        values.put("AD_TRUSTED_DOMAINS", "");
        RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
        setGrace("1");
        assertThat(TrustRealms.fullSync(admin, REALM).getFailed()).isZero();
    }

    private void setGrace(String days) {
        ComponentRepresentation provider = TrustRealms.provider(admin, REALM);
        provider.getConfig().putSingle("deletionGraceDays", days);
        admin.realm(REALM).components().component(provider.getId()).update(provider);
    }

    private static String otpCredential(UserResource user) {
        return user.credentials().stream().filter(c -> "otp".equals(c.getType())).map(CredentialRepresentation::getId)
                .findFirst().orElse(null);
    }
}
