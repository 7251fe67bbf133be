package net.adfederation.it.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.adfederation.it.browser.Browser;
import net.adfederation.it.browser.PortalRealm;
import net.adfederation.it.browser.Totp;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TestDirectory;
import net.adfederation.it.support.TwoNodeCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;

import static net.adfederation.it.support.TwoNodeCluster.A;
import static net.adfederation.it.support.TwoNodeCluster.B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade of a connector component from the long user ids of earlier releases
 * ({@code f:<component>:<objectGUID>}, 75 bytes) to the short ones that fit a WebAuthn user handle,
 * on two Keycloak nodes on PostgreSQL. The database is the one the current release writes: the
 * component records no id form (its setting is deleted from COMPONENT_CONFIG, which is all the new
 * code adds; without it this build uses the long ids exactly as the release does), alice enrols
 * an authenticator app in the portal and gets a realm role, both stored under her long id. Then
 * both nodes restart at the same moment, both running the start-up migration: it runs once (one
 * node logs it; the other finds it done), every row moves to the short id, none is left or doubled,
 * the OTP verifies at sign-in and the role is hers. Needs PostgreSQL and the embedded AD.
 */
class ConnectorUserIdMigrationTest {

    private static final String REALM = "cl-idmigration";
    private static final String ALICE_PASSWORD = "Passw0rd!Alice";
    private static final String FORM_KEY = "userIdForm";
    private static final String MIGRATED = "user ids migrated to the guid-base64url form";
    /** The tables the migration moves (those of them an OTP and a role mapping write). */
    private static final List<String> ALICE_TABLES = List.of("FEDERATED_USER:ID", "FED_USER_CREDENTIAL:USER_ID",
            "FED_USER_ROLE_MAPPING:USER_ID", "OFFLINE_USER_SESSION:USER_ID");

    private static TwoNodeCluster cluster;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = TwoNodeCluster.start();
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        if (cluster != null) cluster.close();
    }

    @Test
    void bothNodesRestartingAtOnceMoveAlicesOtpAndSessionToHerShortIdOnce() throws Exception {
        TestDirectory directory = Directories.embedded();
        directory.assumeAvailable();
        RealmFiles.importAs(cluster.admin(A), REALM, "corp-connector.json", directory.realmFileValues());
        ComponentRepresentation component = connector();
        // The admin API shows only declared settings; the id form is read where Keycloak keeps it.
        assertThat(count("SELECT COUNT(*) FROM COMPONENT_CONFIG WHERE COMPONENT_ID = ? AND NAME = ? AND VALUE = 'guid-base64url'",
                component.getId(), FORM_KEY)).as("a new component takes the short form").isEqualTo(1);

        // The database as the current release writes it: the component records no id form.
        sql("DELETE FROM COMPONENT_CONFIG WHERE COMPONENT_ID = ? AND NAME = ?", component.getId(), FORM_KEY);
        cluster.admin(A).realm(REALM).clearRealmCache();
        cluster.admin(B).realm(REALM).clearRealmCache();
        String longId = aliceId(cluster.admin(A).realm(REALM));
        assertThat(longId).as("the long form").matches("f:" + component.getId() + ":[0-9a-f-]{36}").hasSize(75);

        // Alice enrols an authenticator app in the portal, signed in with her password; an admin gives her a role.
        Totp app;
        try (PortalRealm portal = PortalRealm.of(cluster.admin(A), cluster.publicUrl(), REALM); Browser browser = Browser.open()) {
            browser.go(portal.url("security"));
            browser.waitFor(By.id("username"));
            browser.signIn("alice", ALICE_PASSWORD);
            browser.waitForUrl(portal.url("security"));
            browser.clickAndWait(By.id("security-add-CONFIGURE_TOTP"));
            browser.waitFor(By.id("mode-manual"));
            browser.clickAndWait(By.id("mode-manual"));
            app = new Totp(browser.find(By.id("kc-totp-secret-key")).getText());
            browser.type("totp", app.code(Totp.stepAt(Instant.now()))).type("userLabel", "Phone");
            browser.clickAndWait(By.id("saveTOTPBtn"));
            browser.waitForUrl(portal.url("security"));
        }
        // No role mapping: a connector user is read-only to Keycloak (roles come through group links),
        // so Keycloak answers 400 to mapping one; her OTP and her portal session are what it keeps.
        String shortId = "f:" + component.getId() + ":" + base64url(longId.substring(longId.lastIndexOf(':') + 1));
        Map<String, Integer> before = rows(longId);
        assertThat(before).as("what the release stored under the long id")
                .containsEntry("FEDERATED_USER:ID", 1).containsEntry("FED_USER_CREDENTIAL:USER_ID", 1);
        assertThat(rows(shortId).values()).allMatch(n -> n == 0);

        // The upgrade: both nodes start at the same moment, and both run the start-up migration.
        cluster.restartBothAtOnce();

        List<String> migratedLines = java.util.stream.Stream.of(A, B).flatMap(n -> cluster.node(n).logLines().stream())
                .filter(line -> line.contains(MIGRATED)).toList();
        assertThat(migratedLines).as("one node migrated the component").hasSize(1);
        assertThat(migratedLines.get(0)).contains("1 users");
        Map<String, Integer> after = rows(shortId);
        assertThat(rows(longId).values()).as("nothing left under the long id").allMatch(n -> n == 0);
        assertThat(after).as("every row moved once, none doubled").isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM COMPONENT_CONFIG WHERE COMPONENT_ID = ? AND NAME = ? AND VALUE = 'guid-base64url'",
                component.getId(), FORM_KEY)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM COMPONENT_CONFIG WHERE COMPONENT_ID = ? AND NAME = ?", component.getId(), FORM_KEY)).isEqualTo(1);

        RealmResource realm = cluster.admin(B).realm(REALM);
        assertThat(aliceId(realm)).isEqualTo(shortId).hasSize(61);
        assertThat(realm.users().get(longId).toRepresentation().getId()).as("an old id still names her").isEqualTo(shortId);

        // She signs in with password and the code of the app she enrolled under the long id.
        try (PortalRealm portal = PortalRealm.of(cluster.admin(A), cluster.publicUrl(), REALM); Browser browser = Browser.open()) {
            browser.go(portal.url(""));
            browser.waitFor(By.id("username"));
            browser.signIn("alice", ALICE_PASSWORD);
            browser.waitFor(By.id("otp"));
            browser.type("otp", app.code(Totp.stepAt(Instant.now()))).clickAndWait(By.id("kc-login"));
            browser.waitForUrl(portal.url(""));
            browser.keep("cluster-otp-after-id-migration");
        }
    }

    private static ComponentRepresentation connector() {
        return cluster.admin(A).realm(REALM).components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
    }

    private static String aliceId(RealmResource realm) {
        return java.util.stream.Stream.of("alice", "alice@corp.example.test").flatMap(name -> realm.users().search(name, true).stream())
                .findFirst().map(UserRepresentation::getId).orElseThrow(() -> new AssertionError("no alice"));
    }

    /** The objectGUID's 16 bytes in base64url: the short id's last part, computed here independently of the provider. */
    private static String base64url(String guid) {
        java.util.UUID uuid = java.util.UUID.fromString(guid);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static Map<String, Integer> rows(String userId) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String tableAndColumn : ALICE_TABLES) {
            String[] parts = tableAndColumn.split(":");
            counts.put(tableAndColumn, count("SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1] + " = ?", userId));
        }
        return counts;
    }

    private static int count(String query, String... parameters) throws SQLException {
        try (Connection db = cluster.database().connect(); PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) statement.setString(i + 1, parameters[i]);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static void sql(String update, String... parameters) throws SQLException {
        try (Connection db = cluster.database().connect(); PreparedStatement statement = db.prepareStatement(update)) {
            for (int i = 0; i < parameters.length; i++) statement.setString(i + 1, parameters[i]);
            assertThat(statement.executeUpdate()).as(update).isEqualTo(1);
        }
    }
}
