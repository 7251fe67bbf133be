package net.adfederation.it.cluster;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.id.State;
import net.adfederation.demo.cluster.ClusterNode;
import net.adfederation.demo.cluster.TcpBalancer;
import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;
import net.adfederation.it.rp.GrantRefused;
import net.adfederation.it.rp.SignedIn;
import net.adfederation.it.rp.UserAtBrowser;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedTrustForests;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.BrowserResult;
import net.adfederation.it.support.RealmEvents;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.ScopeTypo;
import net.adfederation.it.support.ThrowawayUser;
import net.adfederation.it.support.TrustAdminApi;
import net.adfederation.it.support.TrustRealms;
import net.adfederation.it.support.TwoNodeCluster;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import static net.adfederation.it.support.TwoNodeCluster.A;
import static net.adfederation.it.support.TwoNodeCluster.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two Keycloak nodes on PostgreSQL behind a load balancer, as production runs them
 * ({@link TwoNodeCluster}: one build, both nodes started once for the class), in both modes, on the
 * embedded AD and on Samba: a session started on one node lives and ends on the other, settings
 * saved on one node are what the other uses at its next request, syncs started on both nodes at
 * once import everything once, Keycloak's periodic sync runs once per period in the cluster, a
 * node killed in the middle of a full sync leaves nothing the other cannot finish, and the
 * portal's form made on one node is accepted by the other. Needs PostgreSQL (skipped without it,
 * failed without it where real components are required).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

    private static final String CONNECTOR_FILE = "corp-connector.json";
    private static final String TRUST_FILE = "corp-trust.json";
    private static final String ALICE = "alice@corp.example.test";
    private static final String ALICE_PASSWORD = "Passw0rd!Alice";
    private static final Set<String> imported = new HashSet<>();
    private static TwoNodeCluster cluster;
    private static long startedAt;

    /** A mode on a directory: its realm file and the values for it, the user who signs in, an admin of CORP. */
    record Deployment(String mode, String directory, String file, Supplier<Map<String, String>> values, String user,
                      String password, Supplier<DirectoryAdmin> corpAdmin, Runnable assumeAvailable) {

        boolean trust() {
            return file.equals(TRUST_FILE);
        }

        String realm(String purpose) {
            return "cl-" + purpose + "-" + mode + "-" + directory;
        }

        @Override
        public String toString() {
            return mode + " on " + directory;
        }
    }

    static Stream<Deployment> deployments() {
        return Stream.concat(
                Directories.both().map(d -> new Deployment("connector", d.name(), CONNECTOR_FILE, d::realmFileValues,
                        ALICE, ALICE_PASSWORD, d::admin, d::assumeAvailable)),
                trustDeployments());
    }

    static Stream<Deployment> trustDeployments() {
        return TrustRealms.both().map(f -> new Deployment("trust", f.name(), TRUST_FILE, f::realmFileValues,
                "pat@partner.example.test", "Passw0rd!Pat1", f::corpAdmin, f::assumeAvailable));
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        startedAt = System.nanoTime();
        cluster = TwoNodeCluster.start();
        System.out.println("Two-node cluster ready (build or reuse, both nodes started): " + secondsSince(startedAt) + " s");
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        if (cluster != null) cluster.close();
        System.out.println("TwoNodeClusterTest: " + secondsSince(startedAt) + " s in all");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    @Order(1)
    void aSessionStartedOnAIsRefreshedAndUsedOnBAndSigningOutOnBEndsItOnA(Deployment deployment) {
        String realm = shared(deployment);
        String portal = cluster.publicUrl() + "/realms/" + realm + "/account/";
        cluster.sendBrowsersTo(A);
        UserAtBrowser user = new UserAtBrowser(cluster.publicUrl(), realm);
        SignedIn onA = user.signIn(deployment.user(), deployment.password());
        int connectionsToB = cluster.browserConnectionsTo(B);

        cluster.sendBrowsersTo(B);
        SignedIn refreshedOnB = user.app().refresh(onA);
        BrowserResult portalOnB = user.visit(URI.create(portal));
        assertThat(portalOnB.page()).as("the portal page on B").isNotNull();
        assertThat(portalOnB.page().getElementById("signed-in-as")).as(portalOnB.text()).isNotNull();
        URI back = user.signOut(refreshedOnB, new State());
        assertThat(back.toString()).startsWith(UserAtBrowser.SIGNED_OUT.toString());
        assertThat(cluster.browserConnectionsTo(B)).as("B served the refresh, the portal and the sign-out").isGreaterThan(connectionsToB);

        cluster.sendBrowsersTo(A);
        assertThat(catchThrowableOfType(GrantRefused.class, () -> user.app().refresh(refreshedOnB)).code()).isEqualTo("invalid_grant");
        BrowserResult portalOnA = user.visit(URI.create(portal));
        assertThat(portalOnA.page().getElementById("kc-form-login")).as("A asks to sign in again: " + portalOnA.text()).isNotNull();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> deploymentsAndBursts() {
        return deployments().flatMap(d -> Stream.of(org.junit.jupiter.params.provider.Arguments.of(d, 12),
                org.junit.jupiter.params.provider.Arguments.of(d, 50)));
    }

    /**
     * With AD's lockoutThreshold at 5, wrong passwords for one account sent at the same moment, half
     * to each node: the attempts are reserved cluster-wide, so AD sees no more than 4 and the account
     * is not locked; it takes its right password at AD, and through Keycloak once the threshold is back.
     */
    @ParameterizedTest(name = "{0}, {1} at once")
    @MethodSource("deploymentsAndBursts")
    @Order(1)
    void wrongPasswordsAtOnceOnBothNodesDoNotLockTheAdAccount(Deployment deployment, int atOnce) throws Exception {
        String realm = shared(deployment);
        DirectoryAdmin corp = deployment.corpAdmin().get();
        List<OidcClient> nodes = List.of(new OidcClient(cluster.node(A).url(), realm, Directories.CLIENT),
                new OidcClient(cluster.node(B).url(), realm, Directories.CLIENT));
        try (ThrowawayUser user = ThrowawayUser.create(corp, "cllock")) {
            assertSignsIn(nodes.get(0), user.upn(), user.password(), "before");
            corp.setAccountLockoutThreshold(5);
            try {
                ExecutorService pool = Executors.newFixedThreadPool(atOnce);
                CyclicBarrier start = new CyclicBarrier(atOnce);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < atOnce; i++) {
                    OidcClient node = nodes.get(i % 2);
                    String wrong = "Wrong-on-both-" + i;
                    results.add(pool.submit(() -> {
                        start.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        return node.directGrant(user.upn(), wrong).ok();
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get(120, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
                }
                pool.shutdown();
                assertThat(corp.isLockedOut(user.sam())).as("AD account locked after " + atOnce + " on two nodes").isFalse();
                assertThat(corp.passwordBinds(user.sam(), user.password())).as("the right password at AD").isTrue();
            } finally {
                corp.setAccountLockoutThreshold(0);
            }
            assertSignsIn(nodes.get(1), user.upn(), user.password(), "after");
        }
    }

    /**
     * The service account's password was changed in AD, so node B (which has not served this realm
     * yet) cannot open the domain; the admin saves the new password on A, and B's next sign-in works.
     * Then the DCs move: the admin saves new DC addresses on A and the old ones stop answering; B's
     * next sign-in goes to the new ones (in trust mode, for the bound forest and for the trusted one).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("deployments")
    @Order(2)
    void settingsSavedOnNodeAAreWhatNodeBUsesAtItsNextRequest(Deployment deployment) throws Exception {
        deployment.assumeAvailable().run();
        DirectoryAdmin corp = deployment.corpAdmin().get();
        Map<String, String> values = new HashMap<>(deployment.values().get());
        String corpDc = values.get("AD_SERVER_URLS");
        String partnerDc = deployment.trust() ? values.get("AD_DOMAIN_CONTROLLERS").substring("partner.example.test=".length()) : null;
        try (ThrowawayUser service = ThrowawayUser.create(corp, "svc");
             TcpBalancer corpBefore = relayTo(corpDc); TcpBalancer corpAfter = relayTo(corpDc);
             TcpBalancer partnerBefore = relayTo(partnerDc); TcpBalancer partnerAfter = relayTo(partnerDc)) {
            values.put("AD_BIND_DN", service.upn());
            values.put("AD_BIND_CREDENTIAL", service.password());
            values.put("AD_SERVER_URLS", through(corpDc, corpBefore));
            if (partnerDc != null) values.put("AD_DOMAIN_CONTROLLERS", "partner.example.test=" + through(partnerDc, partnerBefore));
            String realm = deployment.realm("settings");
            importOnA(realm, deployment.file(), values);
            OidcClient onB = new OidcClient(cluster.node(B).url(), realm, Directories.CLIENT);

            String rotated = service.password() + "-2";
            corp.resetPassword(service.sam(), rotated);
            assertThat(onB.directGrant(ALICE, ALICE_PASSWORD).ok()).as("B with the old service password").isFalse();
            saveOnA(realm, "bindCredential", rotated);
            assertSignsIn(onB, ALICE, ALICE_PASSWORD, "B after the new service password was saved on A");

            saveOnA(realm, "serverUrls", through(corpDc, corpAfter));
            corpBefore.cutOff();
            int before = corpAfter.connectionsTo(0);
            assertSignsIn(onB, ALICE, ALICE_PASSWORD, "B after new DCs were saved on A");
            assertThat(corpAfter.connectionsTo(0)).as("B reached CORP through the DCs saved on A").isGreaterThan(before);

            if (partnerDc != null) {
                saveOnA(realm, "domainControllers", "partner.example.test=" + through(partnerDc, partnerAfter));
                partnerBefore.cutOff();
                int partnerConnections = partnerAfter.connectionsTo(0);
                assertSignsIn(onB, deployment.user(), deployment.password(), "B after new PARTNER DCs were saved on A");
                assertThat(partnerAfter.connectionsTo(0)).as("B reached PARTNER through the DCs saved on A").isGreaterThan(partnerConnections);
            }
            remove(realm);
        }
    }

    /**
     * Full and changed syncs pressed on both nodes at the same moment: Keycloak runs one at a time
     * in the cluster (the other is reported as ignored), each user and group is imported once, and
     * nothing fails; a user added in AD afterwards arrives once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trustDeployments")
    @Order(3)
    void syncsStartedOnBothNodesAtOnceImportEachUserAndGroupOnce(Deployment deployment) throws Exception {
        deployment.assumeAvailable().run();
        String realm = deployment.realm("sync");
        Map<String, String> values = new HashMap<>(deployment.values().get());
        importOnA(realm, TRUST_FILE, values);

        List<SynchronizationResultRepresentation> full = atOnce(realm, "triggerFullSync", "triggerFullSync");
        assertNoFailure(full);
        int users = realm(A, realm).users().count();
        assertThat(full.stream().mapToInt(SynchronizationResultRepresentation::getAdded).sum())
                .as("users added by both full syncs: " + statuses(full)).isEqualTo(users);
        assertGroupsOnce(realm);

        try (ThrowawayUser newcomer = ThrowawayUser.create(deployment.corpAdmin().get(), "cl")) {
            List<SynchronizationResultRepresentation> changed = atOnce(realm, "triggerChangedUsersSync", "triggerChangedUsersSync");
            assertNoFailure(changed);
            assertThat(changed.stream().mapToInt(SynchronizationResultRepresentation::getAdded).sum())
                    .as("users added by both changed syncs: " + statuses(changed)).isEqualTo(1);
            assertThat(realm(B, realm).users().search(newcomer.upn(), true)).hasSize(1);

            List<SynchronizationResultRepresentation> mixed = atOnce(realm, "triggerFullSync", "triggerChangedUsersSync");
            assertNoFailure(mixed);
            assertThat(mixed.stream().mapToInt(SynchronizationResultRepresentation::getAdded).sum()).as(statuses(mixed)).isZero();
            assertThat(realm(A, realm).users().count()).isEqualTo(users + 1);
            assertGroupsOnce(realm);
        }
        remove(realm);
    }

    /**
     * The deletion guard held back four of ten users (a scope typo); the same batch is approved three
     * times on each node, all released at one instant: one approval removes exactly the four, the
     * others are told the component is busy (409) or the batch is gone (404), never 500, and one
     * approval event names the approver.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trustDeployments")
    @Order(3)
    void theSameBatchApprovedOnBothNodesAtOnceRemovesItsUsersOnce(Deployment deployment) throws Exception {
        deployment.assumeAvailable().run();
        String realm = deployment.realm("approve");
        try (ScopeTypo typo = ScopeTypo.create(deployment.corpAdmin().get(), "ca")) {
            Map<String, String> values = new HashMap<>(deployment.values().get());
            values.put("AD_SYNC_SCOPE_GROUPS", "CORP\\" + typo.allGroup());
            values.put("AD_TRUSTED_DOMAINS", "");
            importOnA(realm, TRUST_FILE, values);
            RealmEvents events = new RealmEvents(cluster.admin(A), realm).enable();
            saveOnA(realm, "deletionThresholdPercent", "30");
            assertThat(sync(A, realm, "triggerFullSync").getAdded()).isEqualTo(10);
            saveOnA(realm, "syncScopeGroups", "CORP\\" + typo.typoGroup());
            SynchronizationResultRepresentation guarded = sync(B, realm, "triggerFullSync");
            assertThat(guarded.getStatus()).contains("pending removals");
            String component = provider(A, realm).getId();
            JsonNode pending = new TrustAdminApi(cluster.node(A).url(), realm, component)
                    .pendingRemovals(cluster.admin(A).tokenManager().getAccessTokenString()).body();
            assertThat(pending).hasSize(1);
            String batch = pending.get(0).get("id").asText();

            int perNode = 3;
            CyclicBarrier start = new CyclicBarrier(2 * perNode);
            ExecutorService pool = Executors.newFixedThreadPool(2 * perNode);
            List<Future<TrustAdminApi.Answer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 2 * perNode; i++) {
                    int node = i % 2;
                    TrustAdminApi api = new TrustAdminApi(cluster.node(node).url(), realm, component);
                    String token = cluster.admin(node).tokenManager().getAccessTokenString();
                    answers.add(pool.submit(() -> {
                        start.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        return api.approve(token, batch);
                    }));
                }
                List<TrustAdminApi.Answer> done = new ArrayList<>();
                for (Future<TrustAdminApi.Answer> answer : answers) done.add(answer.get(180, java.util.concurrent.TimeUnit.SECONDS));
                String seen = done.stream().map(a -> a.status() + " " + a.text()).toList().toString();
                System.out.println(realm + ": " + 2 * perNode + " approvals at once on both nodes: " + seen);
                assertThat(done).as(seen).extracting(TrustAdminApi.Answer::status).isSubsetOf(200, 404, 409);
                List<TrustAdminApi.Answer> approved = done.stream().filter(a -> a.status() == 200).toList();
                assertThat(approved).as(seen).hasSize(1);
                List<String> removed = new ArrayList<>();
                approved.get(0).body().at("/removedUsers").forEach(n -> removed.add(n.asText()));
                assertThat(removed).containsExactlyInAnyOrderElementsOf(typo.leftOutUpns());
                assertThat(approved.get(0).body().get("approvedBy").asText()).isEqualTo("admin");
            } finally {
                pool.shutdownNow();
            }
            assertThat(realm(A, realm).users().count()).isEqualTo(6);
            assertThat(realm(B, realm).users().count()).isEqualTo(6);
            List<AdminEventRepresentation> approvals = events.adminEvents().stream()
                    .filter(e -> "DELETE".equals(e.getOperationType()) && e.getResourcePath().contains(batch)).toList();
            assertThat(approvals).as("one approval event").hasSize(1);
            assertThat(approvals.get(0).getRepresentation()).contains("\"approvedBy\":\"admin\"");
            assertThat(new TrustAdminApi(cluster.node(B).url(), realm, component)
                    .pendingRemovals(cluster.admin(B).tokenManager().getAccessTokenString()).body()).isEmpty();
        } finally {
            if (cluster.admin(A).realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm))) remove(realm);
        }
    }

    /**
     * With a changed-users period of {@value #PERIOD} s, both nodes' timers fire every period, yet
     * Keycloak runs the sync once per period in the cluster: the other node sees the last sync time
     * in the shared component and lets its turn pass. (The realm stays: the last case checks that
     * node B takes the periodic sync over once node A is gone.)
     */
    @Test
    @Order(4)
    void keycloaksPeriodicSyncRunsOncePerPeriodInTheCluster() throws Exception {
        String realm = PERIODIC_REALM;
        String component = PERIODIC_COMPONENT;
        Map<String, String> values = new HashMap<>(TrustRealms.embedded().realmFileValues());
        values.put("AD_FULL_SYNC_PERIOD", "-1");
        values.put("AD_CHANGED_SYNC_PERIOD", Integer.toString(PERIOD));
        RealmRepresentation representation = RealmFiles.load(TRUST_FILE, values);
        representation.getComponents().get("org.keycloak.storage.UserStorageProvider").get(0).setName(component);
        RealmFiles.importAs(cluster.admin(A), realm, representation);

        LocalDateTime from = LocalDateTime.now();
        Thread.sleep(Duration.ofSeconds(WINDOW).toMillis());
        LocalDateTime to = LocalDateTime.now();

        List<LocalDateTime> runs = new ArrayList<>();
        Map<String, Integer> perNode = new HashMap<>();
        for (ClusterNode node : List.of(cluster.node(A), cluster.node(B))) {
            List<LocalDateTime> ofNode = syncsLogged(node, component + ": changed sync done", from, to);
            perNode.put(node.name(), ofNode.size());
            runs.addAll(ofNode);
        }
        String what = runs.size() + " changed syncs in " + WINDOW + " s with a period of " + PERIOD + " s, per node " + perNode;
        System.out.println("Periodic sync in the cluster: " + what);
        assertThat(runs.size()).as(what).isBetween(WINDOW / PERIOD - 2, WINDOW / PERIOD + 1);
    }

    private static final int PERIOD = 5;
    private static final int WINDOW = 20;
    private static final String PERIODIC_REALM = "cl-periodic";
    private static final String PERIODIC_COMPONENT = "periodic-sync-of-" + PERIODIC_REALM;

    /**
     * The portal's password form carries a token made on A; posted through B it is accepted (on
     * Samba the password changes, on the embedded forests AD's refusal of a clear-text password
     * write comes back), while a forged token is refused on B as on A.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trustDeployments")
    @Order(5)
    void thePortalsFormMadeOnAIsAcceptedOnB(Deployment deployment) throws Exception {
        String realm = shared(deployment);
        try (ThrowawayUser user = ThrowawayUser.create(deployment.corpAdmin().get(), "ft")) {
            cluster.sendBrowsersTo(A);
            OidcClient browser = new OidcClient(cluster.publicUrl(), realm, "account");
            BrowserResult login = browser.open(URI.create(cluster.publicUrl() + "/realms/" + realm + "/account/password"));
            BrowserResult page = browser.submitLogin(login.page(), user.upn(), user.password());
            Element form = page.page() == null ? null : page.page().selectFirst("form.password-form");
            assertThat(form).as("the password form made on A: " + page.text()).isNotNull();
            String newPassword = "N3w!Passw0rd-" + user.sam();

            cluster.sendBrowsersTo(B);
            BrowserResult forged = browser.submit(form, Map.of("csrf", "forged", "password-current", user.password(),
                    "password-new", newPassword, "password-confirm", newPassword));
            assertThat(forged.text()).contains("This form has expired or did not come from this portal");
            BrowserResult posted = browser.submit(form, Map.of("password-current", user.password(),
                    "password-new", newPassword, "password-confirm", newPassword));

            assertThat(posted.text()).doesNotContain("This form has expired");
            if (deployment.directory().equals("samba")) {
                assertThat(posted.page().getElementById("password-notice")).as(posted.text()).isNotNull();
                assertSignsIn(new OidcClient(cluster.node(A).url(), realm, Directories.CLIENT), user.upn(), newPassword,
                        "the new password, on A");
            } else {
                assertThat(posted.text()).contains("is not encrypted");
            }
        }
    }

    /**
     * Node A is killed (SIGKILL) in the middle of a full sync of 1,000 users. The realm keeps the
     * production default fullSyncPeriod (a day), so Keycloak's lock on the sync would last a day: node
     * B's next full sync runs only because the lock of a node that left the cluster is dropped.
     * Afterwards every AD user is in Keycloak once, nothing fails, and the stored cursor is
     * consistent: a changed sync finds nothing, then exactly the one user added in AD. Node B also
     * takes over the periodic sync that node A used to run.
     */
    @Test
    @Order(6)
    void nodeAKilledInTheMiddleOfAFullSyncLeavesNothingNodeBCannotFinish() throws Exception {
        String realm = "cl-killed";
        int bulk = 1000;
        try (EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL,
                EmbeddedActiveDirectory.builder().bulkUsers(bulk, 100), EmbeddedActiveDirectory.builder());
             DirectoryAdmin corp = new DirectoryAdmin(forests.corp().ldapsUrl(), forests.corp().caCertificatePath(),
                     "Administrator@corp.example.test", "Passw0rd!Admin", forests.corp().baseDn())) {
            Map<String, String> values = new HashMap<>(EmbeddedTrustForests.realmFileValues(forests));
            values.put("AD_CHANGED_SYNC_PERIOD", "-1");
            RealmFiles.importAs(cluster.admin(A), realm, TRUST_FILE, values);

            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<?> onA = background.submit(() -> sync(A, realm, "triggerFullSync"));
            int atKill = awaitUsers(realm, bulk / 10, Duration.ofMinutes(2));
            boolean answeredBeforeKill = onA.isDone();
            LocalDateTime killedAt = LocalDateTime.now();
            cluster.node(A).kill();
            background.shutdownNow();
            System.out.println("Node A killed with " + atKill + " users imported");
            assertThat(answeredBeforeKill).as("A's full sync was over before the kill (" + atKill + " users)").isFalse();

            long t0 = System.nanoTime();
            SynchronizationResultRepresentation onB = syncUntilRun(B, realm, "triggerFullSync", Duration.ofMinutes(1));
            System.out.println("Node B's full sync after the kill: done " + secondsSince(t0) + " s after it, " + onB.getStatus());
            assertThat(onB.isIgnored()).as("B's sync still ignored a minute after A was killed (A's lock kept)").isFalse();
            assertThat(onB.getFailed()).as(onB.getStatus()).isZero();
            RealmResource onBRealm = realm(B, realm);
            Set<String> usernames = new HashSet<>();
            onBRealm.users().search("", 0, bulk * 2, true).stream().map(UserRepresentation::getUsername).forEach(usernames::add);
            assertThat(usernames).containsAll(IntStream.rangeClosed(1, bulk)
                    .mapToObj(i -> String.format("user%05d@corp.example.test", i)).toList());
            assertThat(onBRealm.users().count()).isEqualTo(usernames.size());
            assertGroupsOnce(onBRealm);

            SynchronizationResultRepresentation again = sync(B, realm, "triggerChangedUsersSync");
            assertThat(List.of(again.getAdded(), again.getUpdated(), again.getRemoved(), again.getFailed()))
                    .as("a changed sync right after: " + again.getStatus()).containsOnly(0);
            corp.createUser("after-kill", "Passw0rd!After1", "After", "Kill", null);
            SynchronizationResultRepresentation newcomer = sync(B, realm, "triggerChangedUsersSync");
            assertThat(newcomer.getAdded()).as(newcomer.getStatus()).isEqualTo(1);
            assertThat(onBRealm.users().count()).isEqualTo(usernames.size() + 1);

            List<LocalDateTime> periodicOnB = syncsLogged(cluster.node(B), PERIODIC_COMPONENT + ": changed sync done",
                    killedAt, LocalDateTime.now());
            assertThat(periodicOnB).as("node B ran the periodic sync after node A was gone").isNotEmpty();
        } finally {
            stopPeriodicSync(B);
        }
    }

    /**
     * Periods off before the realm goes: Keycloak 26.7.0 keeps the timer of a removed realm's
     * provider and logs an error at every period until the node restarts.
     */
    private static void stopPeriodicSync(int node) {
        if (cluster.admin(node).realms().findAll().stream().noneMatch(r -> r.getRealm().equals(PERIODIC_REALM))) return;
        ComponentRepresentation provider = provider(node, PERIODIC_REALM);
        provider.getConfig().putSingle("changedSyncPeriod", "-1");
        realm(node, PERIODIC_REALM).components().component(provider.getId()).update(provider);
        realm(node, PERIODIC_REALM).remove();
    }

    // --- the realms -------------------------------------------------------------------------------

    /** The deployment's realm for the session and portal cases, imported once per class through A. */
    private static String shared(Deployment deployment) {
        deployment.assumeAvailable().run();
        String realm = deployment.realm("shared");
        synchronized (imported) {
            if (imported.add(realm)) importOnA(realm, deployment.file(), deployment.values().get());
        }
        return realm;
    }

    /** Imports a realm file through node A's admin API, without periodic syncs (this class starts every sync itself). */
    private static void importOnA(String realm, String file, Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("AD_FULL_SYNC_PERIOD", "-1");
        all.putIfAbsent("AD_CHANGED_SYNC_PERIOD", "-1");
        RealmFiles.importAs(cluster.admin(A), realm, file, all);
    }

    private static void remove(String realm) {
        cluster.admin(A).realm(realm).remove();
    }

    private static RealmResource realm(int node, String realm) {
        return cluster.admin(node).realm(realm);
    }

    private static ComponentRepresentation provider(int node, String realm) {
        return realm(node, realm).components().query(null, "org.keycloak.storage.UserStorageProvider").get(0);
    }

    /** Saves one setting of the realm's provider through node A's admin API (the admin console's Save). */
    private static void saveOnA(String realm, String key, String value) {
        ComponentRepresentation provider = provider(A, realm);
        provider.getConfig().putSingle(key, value);
        realm(A, realm).components().component(provider.getId()).update(provider);
    }

    private static void assertSignsIn(OidcClient client, String user, String password, String when) {
        OidcClient.TokenResult result = client.directGrant(user, password);
        assertThat(result.ok()).as(when + ": " + result.error() + " " + result.errorDescription()).isTrue();
    }

    // --- directory controllers behind relays ------------------------------------------------------

    /** A relay on the DC's own loopback address (so its host name and certificate still fit), or null for no URL. */
    private static TcpBalancer relayTo(String url) throws Exception {
        if (url == null) return null;
        URI dc = URI.create(url.trim());
        String address = InetAddress.getByName(dc.getHost()).getHostAddress();
        int port = dc.getPort() > 0 ? dc.getPort() : dc.getScheme().equals("ldaps") ? 636 : 389;
        return TcpBalancer.start(address, 0, List.of(new TcpBalancer.Backend(address, port)));
    }

    private static String through(String url, TcpBalancer relay) {
        URI dc = URI.create(url.trim());
        return dc.getScheme() + "://" + dc.getHost() + ":" + relay.port();
    }

    // --- syncs --------------------------------------------------------------------------------------

    private static SynchronizationResultRepresentation sync(int node, String realm, String action) {
        return realm(node, realm).userStorage().syncUsers(provider(node, realm).getId(), action);
    }

    /** One sync on A and one on B, released at the same moment. */
    private static List<SynchronizationResultRepresentation> atOnce(String realm, String onA, String onB) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ComponentRepresentation provider = provider(A, realm);
        List<Callable<SynchronizationResultRepresentation>> both = List.of(
                () -> { start.await(); return realm(A, realm).userStorage().syncUsers(provider.getId(), onA); },
                () -> { start.await(); return realm(B, realm).userStorage().syncUsers(provider.getId(), onB); });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<SynchronizationResultRepresentation> results = new ArrayList<>();
            for (Future<SynchronizationResultRepresentation> f : pool.invokeAll(both)) results.add(f.get());
            System.out.println(realm + ": " + onA + " on A and " + onB + " on B at once: " + statuses(results));
            assertThat(results).as("at least one of them ran: " + statuses(results)).anyMatch(r -> !r.isIgnored());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A sync on the node, pressed again while Keycloak still reports the last one in progress (a lock of a dead node). */
    private static SynchronizationResultRepresentation syncUntilRun(int node, String realm, String action, Duration limit)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        for (int ignored = 0; ; ignored++) {
            long attempt = System.nanoTime();
            SynchronizationResultRepresentation result = sync(node, realm, action);
            if (!result.isIgnored() || System.nanoTime() > deadline) {
                System.out.println(action + " on " + cluster.node(node).name() + ": ignored " + ignored + " times, then run from "
                        + Duration.ofNanos(attempt - start).toSeconds() + " s on, for " + secondsSince(attempt) + " s");
                return result;
            }
            Thread.sleep(1000);
        }
    }

    private static int awaitUsers(String realm, int atLeast, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int count = 0;
        while (System.nanoTime() < deadline) {
            count = realm(B, realm).users().count();
            if (count >= atLeast) return count;
            Thread.sleep(100);
        }
        throw new AssertionError("the full sync on A imported only " + count + " users in " + limit);
    }

    private static void assertNoFailure(List<SynchronizationResultRepresentation> results) {
        assertThat(results).as(statuses(results)).allMatch(r -> r.getFailed() == 0);
    }

    /** Every group appears once under its parent (two syncs racing would create a second one beside it). */
    private static void assertGroupsOnce(String realm) {
        assertGroupsOnce(realm(A, realm));
    }

    private static void assertGroupsOnce(RealmResource realm) {
        List<GroupRepresentation> top = realm.groups().groups();
        assertThat(top).extracting(GroupRepresentation::getName).doesNotHaveDuplicates().contains("corp.example.test");
        for (GroupRepresentation domain : top) {
            List<GroupRepresentation> below = realm.groups().group(domain.getId()).getSubGroups(0, 10_000, true);
            assertThat(below).extracting(GroupRepresentation::getName).as("groups under " + domain.getName()).doesNotHaveDuplicates();
        }
    }

    private static String statuses(List<SynchronizationResultRepresentation> results) {
        return results.stream().map(r -> r.isIgnored() ? "ignored" : r.getStatus()).toList().toString();
    }

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    /** When the node logged {@code text}, within the window (Keycloak's console format starts with the local time). */
    private static List<LocalDateTime> syncsLogged(ClusterNode node, String text, LocalDateTime from, LocalDateTime to) {
        return node.logLines().stream().filter(line -> line.contains(text) && line.length() > 23)
                .map(line -> LocalDateTime.parse(line.substring(0, 23), LOG_TIME))
                .filter(at -> !at.isBefore(from) && !at.isAfter(to)).toList();
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
