package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.BASE;
import static net.adfederation.embeddedad.EmbeddedAdFixture.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BindTest {

    private final MutableClock clock = new MutableClock();
    private EmbeddedActiveDirectory ad;
    private LdapEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().withoutTls().clock(clock).start();
        endpoint = EmbeddedAdFixture.plainEndpoint(ad);
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    @Test
    void bindsByDnByUpnAndByDownLevelNameInAnyCase() throws Exception {
        assertThat(Binds.outcome(endpoint, ALICE, "Passw0rd!Alice")).isEqualTo("ok");
        assertThat(Binds.outcome(endpoint, "alice@corp.example.test", "Passw0rd!Alice")).isEqualTo("ok");
        assertThat(Binds.outcome(endpoint, "Alice@CORP.EXAMPLE.TEST", "Passw0rd!Alice")).isEqualTo("ok");
        assertThat(Binds.outcome(endpoint, "CORP\\alice", "Passw0rd!Alice")).isEqualTo("ok");
        assertThat(Binds.outcome(endpoint, "corp\\alice", "Passw0rd!Alice")).isEqualTo("ok");
    }

    @Test
    void administratorBindsByTheImplicitUpnThoughNoneIsStored() throws Exception {
        assertThat(Binds.outcome(endpoint, "Administrator@corp.example.test", "Passw0rd!Admin")).isEqualTo("ok");
    }

    @Test
    void bareNameOtherDomainAndUnknownUserAnswer52e() throws Exception {
        assertThat(Binds.outcome(endpoint, "alice", "Passw0rd!Alice")).isEqualTo("52e");
        assertThat(Binds.outcome(endpoint, "PARTNER\\alice", "Passw0rd!Alice")).isEqualTo("52e");
        assertThat(Binds.outcome(endpoint, "nobody@corp.example.test", "Passw0rd!Alice")).isEqualTo("52e");
        assertThat(Binds.outcome(endpoint, "CN=Nobody," + USERS, "Passw0rd!Alice")).isEqualTo("52e");
    }

    @Test
    void wrongPasswordAnswersResult49WithAdsDiagnosticText() throws Exception {
        LDAPException refusal = endpoint.tryBind("alice@corp.example.test", "wrong").orElseThrow();

        assertThat(refusal.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS);
        assertThat(refusal.getDiagnosticMessage()).isEqualTo(
                "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563");
    }

    @Test
    void disabledAccountAnswers533OnlyWithTheRightPassword() throws Exception {
        assertThat(Binds.outcome(endpoint, "carol@corp.example.test", "Passw0rd!Carol")).isEqualTo("533");
        assertThat(Binds.outcome(endpoint, "carol@corp.example.test", "wrong")).isEqualTo("52e");
    }

    @Test
    void mustChangePasswordAnswers773() throws Exception {
        assertThat(Binds.outcome(endpoint, "CORP\\bob", "Passw0rd!Bob1")).isEqualTo("773");
        assertThat(Binds.outcome(endpoint, "CORP\\bob", "wrong")).isEqualTo("52e");
    }

    @Test
    void expiredAccountAnswers701AndZeroMeansNever() throws Exception {
        String dave = "CN=Dave Brown," + USERS;
        setAccountExpires(dave, FileTime.of(clock.instant().minus(Duration.ofHours(1))));
        assertThat(Binds.outcome(endpoint, "dave@corp.example.test", "Passw0rd!Dave")).isEqualTo("701");

        setAccountExpires(dave, 0);
        assertThat(Binds.outcome(endpoint, "dave@corp.example.test", "Passw0rd!Dave")).isEqualTo("ok");
    }

    @Test
    void passwordOlderThanMaxPwdAgeAnswers532() throws Exception {
        clock.advance(Duration.ofDays(43));

        assertThat(Binds.outcome(endpoint, "alice@corp.example.test", "Passw0rd!Alice")).isEqualTo("532");
    }

    @Test
    void emptyPasswordWithANameSucceedsAnonymouslyAsOnWindows() throws Exception {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setBindWithDNRequiresPassword(false);
        try (LDAPConnection connection = new LDAPConnection(options, "127.0.0.1", ad.ldapPort())) {
            assertThat(connection.bind(ALICE, "").getResultCode()).isEqualTo(ResultCode.SUCCESS);

            assertThatThrownBy(() -> connection.search(BASE, SearchScope.SUB, "(sAMAccountName=alice)"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getDiagnosticMessage()).startsWith("000004DC"));
        }
    }

    @Test
    void failedBindDropsThePreviousIdentity() throws Exception {
        try (LDAPConnection connection = endpoint.connect()) {
            connection.bind("alice@corp.example.test", "Passw0rd!Alice");
            assertThatThrownBy(() -> connection.bind("alice@corp.example.test", "wrong"));

            assertThatThrownBy(() -> connection.search(BASE, SearchScope.SUB, "(sAMAccountName=alice)"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.OPERATIONS_ERROR));
        }
    }

    private void setAccountExpires(String dn, long fileTime) throws LDAPException {
        try (LDAPConnection admin = EmbeddedAdFixture.ldapAsAdmin(ad)) {
            admin.modify(dn, new Modification(ModificationType.REPLACE, "accountExpires", Long.toString(fileTime)));
        }
    }
}
