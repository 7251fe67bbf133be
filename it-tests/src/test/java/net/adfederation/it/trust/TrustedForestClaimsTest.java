package net.adfederation.it.trust;

import java.util.List;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.TokenResult;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a trusted forest cannot claim for its accounts: another forest's e-mail address (it is not
 * imported, so never verified, and the owner signs in with it in either order, without an error),
 * and another domain's or a well-known SID as a member of a group. The address tests run with
 * Keycloak's default realm settings for addresses (unique, sign-in by address allowed).
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class TrustedForestClaimsTest {

    private static final String FORESTS = "net.adfederation.it.support.TrustRealms#both";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void aPartnerAccountWithACorpAddressSignsInFirstAndTheOwnerStillGetsIt(TrustForests forests) {
        anotherForestsAddress(forests, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(FORESTS)
    void theOwnerSignsInFirstAndAPartnerAccountWithItsAddressDoesNotTakeIt(TrustForests forests) {
        anotherForestsAddress(forests, false);
    }

    private void anotherForestsAddress(TrustForests forests, boolean partnerFirst) {
        String realmName = TrustRealms.ready(admin, forests).realm();
        OidcClient oidc = new OidcClient(urls.getBase(), realmName, "demo-app");
        RealmResource realm = admin.realm(realmName);
        RealmRepresentation before = realm.toRepresentation();
        boolean duplicatesBefore = Boolean.TRUE.equals(before.isDuplicateEmailsAllowed());
        boolean byAddressBefore = Boolean.TRUE.equals(before.isLoginWithEmailAllowed());
        try (ThrowawayUser owner = ThrowawayUser.create(forests.corpAdmin(), "mown");
             ThrowawayUser mallory = ThrowawayUser.create(forests.partnerAdmin(), "mmal")) {
            String address = owner.upn();
            forests.corpAdmin().setMail(owner.sam(), address);
            forests.partnerAdmin().setMail(mallory.sam(), address);
            addressSettings(realm, false, true);

            TokenResult first = partnerFirst ? signIn(oidc, "PARTNER\\" + mallory.sam(), mallory)
                    : signIn(oidc, "CORP\\" + owner.sam(), owner);
            TokenResult second = partnerFirst ? signIn(oidc, "CORP\\" + owner.sam(), owner)
                    : signIn(oidc, "PARTNER\\" + mallory.sam(), mallory);
            IDToken ownerToken = (partnerFirst ? second : first).idToken();
            IDToken malloryToken = (partnerFirst ? first : second).idToken();

            assertThat(malloryToken.getEmail()).as("the partner account's e-mail claim").isNotEqualToIgnoringCase(address);
            assertThat(malloryToken.getEmailVerified()).as("the partner account's email_verified").isNotEqualTo(Boolean.TRUE);
            assertThat(ownerToken.getEmail()).isEqualToIgnoringCase(address);
            assertThat(ownerToken.getEmailVerified()).isTrue();
            TokenResult byAddress = signIn(oidc, address, owner);
            assertThat(byAddress.accessToken().getPreferredUsername()).isEqualToIgnoringCase(owner.upn());

            SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, realmName);
            assertThat(sync.getFailed()).as(sync.getStatus()).isZero();
            assertThat(sync.getStatus()).contains("e-mail address", address);
            assertThat(signIn(oidc, "CORP\\" + owner.sam(), owner).idToken().getEmail()).isEqualToIgnoringCase(address);
            assertThat(signIn(oidc, "PARTNER\\" + mallory.sam(), mallory).idToken().getEmail()).isNotEqualToIgnoringCase(address);
        } finally {
            addressSettings(realm, duplicatesBefore, byAddressBefore);
        }
    }

    /** The tests use Keycloak's defaults (unique addresses, sign-in by address); the realm files differ. */
    private static void addressSettings(RealmResource realm, boolean duplicatesAllowed, boolean signInByAddress) {
        RealmRepresentation changed = new RealmRepresentation();
        changed.setDuplicateEmailsAllowed(duplicatesAllowed);
        changed.setLoginWithEmailAllowed(signInByAddress);
        realm.update(changed);
    }

    private static TokenResult signIn(OidcClient oidc, String name, ThrowawayUser user) {
        TokenResult result = oidc.directGrant(name, user.password());
        assertThat(result.status()).as(name + ": " + result.errorDescription()).isEqualTo(200);
        return result;
    }

    /**
     * A rogue PARTNER DC gives one account a SID of a domain not in use and another the well-known
     * SID of Authenticated Users, and CORP groups name those SIDs (S-1-5-11 in a domain-local group is
     * common): neither account becomes a member. A PARTNER account named by its own SID still does.
     * Only the embedded forests can forge an objectSid, so this runs there alone.
     */
    @Test
    void membersNamedByAnotherDomainsOrAWellKnownSidAreNoMembers() throws Exception {
        EmbeddedTrustForests forests = (EmbeddedTrustForests) TrustRealms.ready(admin, TrustRealms.embedded());
        EmbeddedForests pair = forests.forests();
        String realmName = forests.realm();
        DirectoryAdmin corp = forests.corpAdmin();
        String group = "sidg-" + Long.toString(System.nanoTime() % 1000000, 36);
        String otherDomainSid = "S-1-5-21-1111111111-2222222222-3333333333-4321";
        try (ThrowawayUser otherDomain = ThrowawayUser.create(forests.partnerAdmin(), "sido");
             ThrowawayUser wellKnown = ThrowawayUser.create(forests.partnerAdmin(), "sidw");
             ThrowawayUser honest = ThrowawayUser.create(forests.partnerAdmin(), "sidh")) {
            pair.partner().forgeObjectSid(otherDomain.sam(), otherDomainSid);
            pair.partner().forgeObjectSid(wellKnown.sam(), "S-1-5-11");
            corp.createGroup(group);
            try {
                corp.addForeignMember(group, otherDomainSid);
                corp.addForeignMember(group, "S-1-5-11");
                corp.addForeignMember(group, forests.partnerAdmin().objectSidOf(honest.sam()));
                SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, realmName);

                assertThat(groupsOf(realmName, otherDomain)).as(sync.getStatus()).doesNotContain("/corp.example.test/" + group);
                assertThat(groupsOf(realmName, wellKnown)).doesNotContain("/corp.example.test/" + group);
                assertThat(groupsOf(realmName, honest)).contains("/corp.example.test/" + group);
            } finally {
                corp.deleteGroup(group);
            }
        }
    }

    /**
     * A rogue PARTNER DC lists a CORP account by its DN as a member of a PARTNER group. AD names a
     * member of another forest only through its foreign security principal (whose SID is checked
     * above), so the CORP user gets no membership; a PARTNER account listed by DN still does. Only the
     * embedded forests serve such a DN, so this runs there alone.
     */
    @Test
    void aMemberDnOfAnotherForestIsNoMember() throws Exception {
        EmbeddedTrustForests forests = (EmbeddedTrustForests) TrustRealms.ready(admin, TrustRealms.embedded());
        String realmName = forests.realm();
        DirectoryAdmin partner = forests.partnerAdmin();
        String group = "dng-" + Long.toString(System.nanoTime() % 1000000, 36);
        try (ThrowawayUser corpUser = ThrowawayUser.create(forests.corpAdmin(), "dnc");
             ThrowawayUser partnerUser = ThrowawayUser.create(partner, "dnp")) {
            partner.createGroup(group);
            try {
                forests.forests().partner().forgeMemberDn(group, forests.corpAdmin().dnOf(corpUser.sam()));
                partner.addToGroup(partnerUser.sam(), group);
                SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, realmName);

                assertThat(groupsOf(realmName, corpUser)).as(sync.getStatus()).doesNotContain("/partner.example.test/" + group);
                assertThat(groupsOf(realmName, partnerUser)).contains("/partner.example.test/" + group);
            } finally {
                partner.deleteGroup(group);
            }
        }
    }

    private List<String> groupsOf(String realm, ThrowawayUser user) {
        List<UserRepresentation> found = admin.realm(realm).users().search(user.upn(), true);
        assertThat(found).as(user.upn() + " in Keycloak").hasSize(1);
        return admin.realm(realm).users().get(found.get(0).getId()).groups().stream().map(GroupRepresentation::getPath).toList();
    }
}
