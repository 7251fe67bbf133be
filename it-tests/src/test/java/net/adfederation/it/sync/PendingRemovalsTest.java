package net.adfederation.it.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.KeycloakDatabase;
import net.adfederation.it.support.RealmEvents;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.ScopeTypo;
import net.adfederation.it.support.TrustAdminApi;
import net.adfederation.it.support.ViewOnlyAdmin;
import net.adfederation.it.support.TrustAdminApi.Answer;
import net.adfederation.it.support.TrustForests;
import net.adfederation.it.support.TrustRealms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.TokenVerifier;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deletion guard's pending removals, as an admin meets them after a scope typo: ten synchronised
 * users, a scope that keeps six. The dry run names the four and writes nothing; the sync removes
 * nothing and keeps the four, listed through the admin resource; a later deletion goes into a batch
 * of its own; a view-only admin may look but not approve; the approval removes exactly the four and
 * says who approved; then a removal below the percentage proceeds.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class PendingRemovalsTest {

    private static final String REALM = "trust-guard";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @ParameterizedTest(name = "{0}")
    @MethodSource("net.adfederation.it.support.TrustRealms#both")
    void aScopeTypoRemovingFortyPercentWaitsForApprovalOfExactlyThoseAccounts(TrustForests forests) throws Exception {
        forests.assumeAvailable();
        DirectoryAdmin corp = forests.corpAdmin();
        ScopeTypo typo = ScopeTypo.create(corp, "pr");
        String prefix = typo.prefix();
        List<String> sams = typo.sams();
        String viewer = prefix + "viewer";
        Map<String, String> values = new HashMap<>(forests.realmFileValues());
        values.put("AD_SYNC_SCOPE_GROUPS", "CORP\\" + prefix + "all");
        values.put("AD_TRUSTED_DOMAINS", "");
        RealmFiles.importAs(admin, REALM, "corp-trust.json", values);
        try {
            RealmEvents events = new RealmEvents(admin, REALM).enable();
            ComponentRepresentation provider = TrustRealms.provider(admin, REALM);
            provider.getConfig().putSingle("deletionThresholdPercent", "30");
            admin.realm(REALM).components().component(provider.getId()).update(provider);
            SynchronizationResultRepresentation first = TrustRealms.fullSync(admin, REALM);
            UsersResource users = admin.realm(REALM).users();
            assertThat(first.getFailed()).as(first.getStatus()).isZero();
            assertThat(users.count()).isEqualTo(10);

            // The typo: a scope group holding six of the ten.
            provider = TrustRealms.provider(admin, REALM);
            provider.getConfig().putSingle("syncScopeGroups", "CORP\\" + prefix + "typo");
            admin.realm(REALM).components().component(provider.getId()).update(provider);
            TrustAdminApi api = new TrustAdminApi(urls.getBase(), REALM, provider.getId());
            String realmId = admin.realm(REALM).toRepresentation().getId();
            List<String> fourDns = typo.leftOut().stream().map(corp::dnOf).toList();
            List<String> fourUpns = typo.leftOutUpns();

            Map<String, Integer> rowsBefore = KeycloakDatabase.realmRows(realmId);
            Answer dryRun = api.dryRun(token());
            assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
            assertThat(dryRun.body().at("/removeUsers/count").asInt()).isEqualTo(4);
            assertThat(texts(dryRun.body().at("/removeUsers/first"))).containsExactlyInAnyOrderElementsOf(fourDns);
            assertThat(dryRun.body().at("/addUsers/count").asInt()).isZero();
            assertThat(dryRun.body().at("/guard").asText()).contains("4 of 10 users").contains("deletionThresholdPercent (30 %)");
            assertThat(KeycloakDatabase.realmRows(realmId)).as("a dry run writes nothing").isEqualTo(rowsBefore);

            SynchronizationResultRepresentation guarded = TrustRealms.fullSync(admin, REALM);
            assertThat(guarded.getRemoved()).isZero();
            assertThat(guarded.getStatus()).contains("pending removals");
            assertThat(users.count()).isEqualTo(10);
            Answer pending = api.pendingRemovals(token());
            assertThat(pending.status()).as(pending.text()).isEqualTo(200);
            assertThat(pending.body()).hasSize(1);
            JsonNode batch = pending.body().get(0);
            assertThat(texts(batch.at("/users"), "name")).containsExactlyInAnyOrderElementsOf(fourUpns);
            assertThat(texts(batch.at("/users"), "dn")).containsExactlyInAnyOrderElementsOf(fourDns);
            assertThat(texts(batch.at("/users"), "lastSeen")).allSatisfy(seen -> assertThat(seen).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            String batchId = batch.get("id").asText();

            // A later deletion in AD: the next tripped sync puts it in a batch of its own.
            corp.deleteUser(sams.get(5));
            assertThat(TrustRealms.fullSync(admin, REALM).getRemoved()).isZero();
            Answer twoBatches = api.pendingRemovals(token());
            assertThat(twoBatches.body()).hasSize(2);
            assertThat(texts(twoBatches.body().get(0).at("/users"), "name")).containsExactlyInAnyOrderElementsOf(fourUpns);
            assertThat(texts(twoBatches.body().get(1).at("/users"), "name")).containsExactly(sams.get(5) + "@corp.example.test");

            // An admin with view-realm alone may look, not approve.
            String viewerToken = ViewOnlyAdmin.create(admin, urls.getBase(), viewer, REALM);
            assertThat(api.pendingRemovals(viewerToken).status()).isEqualTo(200);
            assertThat(api.approve(viewerToken, batchId).status()).isEqualTo(403);
            assertThat(users.count()).isEqualTo(10);

            String approverToken = token();
            AccessToken approver = TokenVerifier.create(approverToken, AccessToken.class).getToken();
            String approverName = admin.realm("master").users().get(approver.getSubject()).toRepresentation().getUsername();
            Answer approved = api.approve(approverToken, batchId);
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
            assertThat(texts(approved.body().at("/removedUsers"))).containsExactlyInAnyOrderElementsOf(fourUpns);
            assertThat(approved.body().get("approvedBy").asText()).isEqualTo(approverName);
            assertThat(users.count()).isEqualTo(6);
            assertThat(users.search(sams.get(5) + "@corp.example.test", true)).as("the later addition is not approved").hasSize(1);
            assertThat(api.approve(token(), batchId).status()).as("approved once").isEqualTo(404);
            AdminEventRepresentation event = events.adminEvents().stream()
                    .filter(e -> "DELETE".equals(e.getOperationType()) && e.getResourcePath().contains(batchId)).findFirst().orElseThrow();
            assertThat(event.getRepresentation()).contains("\"approvedBy\":\"" + approverName + "\"")
                    .contains(fourUpns.get(0));
            assertThat(event.getAuthDetails().getUserId()).isEqualTo(approver.getSubject());

            // 1 of the 6 left (17 %) is below the 30 %: the sync removes it, and its batch is gone.
            SynchronizationResultRepresentation below = TrustRealms.fullSync(admin, REALM);
            assertThat(below.getRemoved()).as(below.getStatus()).isEqualTo(1);
            assertThat(users.search(sams.get(5) + "@corp.example.test", true)).isEmpty();
            assertThat(api.pendingRemovals(token()).body()).isEmpty();
        } finally {
            admin.realm(REALM).remove();
            admin.realm("master").users().search(viewer, true).forEach(u -> admin.realm("master").users().delete(u.getId()).close());
            typo.close();
        }
    }

    private String token() {
        return admin.tokenManager().getAccessTokenString();
    }


    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText(null)).toList();
    }
}
