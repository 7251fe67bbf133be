package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationCountsTest {

    private EmbeddedActiveDirectory ad;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().start();
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    @Test
    void countsAKnownSequenceByKindAndLogsItInOrder() throws Exception {
        try (LDAPConnection connection = EmbeddedAdFixture.plainEndpoint(ad).connect()) {
            connection.bind("CN=Administrator,CN=Users," + BASE, "Passw0rd!Admin");
            connection.search(BASE, SearchScope.SUB, "(sAMAccountName=alice)", "1.1");
            connection.search(BASE, SearchScope.SUB, "(sAMAccountName=bob)", "1.1");
            connection.modify(ALICE, new Modification(ModificationType.REPLACE, "title", "Engineer"));
            Entry user = new Entry("CN=counted,CN=Users," + BASE);
            user.addAttribute("objectClass", "user");
            connection.add(user);
            connection.delete(user.getDN());
            connection.compare(ALICE, "sn", "Smith");
        }

        OperationCounts counts = ad.operationCounts();
        assertThat(counts).isEqualTo(new OperationCounts(1, 2, 1, 1, 1, 1));
        assertThat(counts.total()).isEqualTo(7);
        assertThat(ad.recentOperations()).containsExactly(
                "BIND CN=Administrator,CN=Users," + BASE,
                "SEARCH " + BASE + " (sAMAccountName=alice)",
                "SEARCH " + BASE + " (sAMAccountName=bob)",
                "MODIFY " + ALICE,
                "ADD CN=counted,CN=Users," + BASE,
                "DELETE CN=counted,CN=Users," + BASE,
                "COMPARE " + ALICE);
    }

    @Test
    void refusedBindsCountAndASnapshotDoesNotChangeAfterwards() throws Exception {
        LdapEndpoint endpoint = EmbeddedAdFixture.plainEndpoint(ad);
        Binds.outcome(endpoint, "alice@corp.example.test", "wrong");
        OperationCounts snapshot = ad.operationCounts();

        Binds.outcome(endpoint, "alice@corp.example.test", "Passw0rd!Alice");

        assertThat(snapshot.binds()).isEqualTo(1);
        assertThat(ad.operationCounts().binds()).isEqualTo(2);
    }

    @Test
    void resetStartsTheCountsAndTheLogAgain() throws Exception {
        Binds.outcome(EmbeddedAdFixture.plainEndpoint(ad), "alice@corp.example.test", "Passw0rd!Alice");

        ad.resetOperationCounts();

        assertThat(ad.operationCounts().total()).isZero();
        assertThat(ad.recentOperations()).isEmpty();
    }

    @Test
    void internalBookkeepingIsNotCountedAsClientOperations() throws Exception {
        try (LDAPConnection admin = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            ad.resetOperationCounts();
            admin.modify("CN=Testers,CN=Users," + BASE, new Modification(ModificationType.ADD, "member", ALICE));
        }

        assertThat(ad.operationCounts()).isEqualTo(new OperationCounts(0, 0, 1, 0, 0, 0));
    }
}
