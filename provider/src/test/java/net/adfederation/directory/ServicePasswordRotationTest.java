package net.adfederation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import net.adfederation.directory.dc.ServiceBind;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AttemptLedger;

/**
 * The service password comes from the vault each time a connection is bound: a password rotated
 * in AD and the vault is used without reopening; a 52e reads the vault once more; a password AD
 * refused is not sent again while the vault still holds it. Embedded AD, lockout threshold 5.
 */
class ServicePasswordRotationTest {

    private static final String OLD = "Passw0rd!Svc1";
    private static final String NEW = "Passw0rd!Rotated3";

    private static EmbeddedActiveDirectory ad;
    private static DirectoryAdmin admin;

    @BeforeAll
    static void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().start();
        admin = new DirectoryAdmin(ad.ldapsUrl(), ad.caCertificatePath(), "Administrator@corp.example.test",
                "Passw0rd!Admin", ad.baseDn());
        admin.setAccountLockoutThreshold(5);
    }

    @AfterAll
    static void stop() {
        admin.close();
        ad.close();
    }

    @AfterEach
    void restore() {
        admin.unlock("svc-keycloak");
        admin.resetPassword("svc-keycloak", OLD);
        ServiceBind.forgetRefusals();
    }

    private static AdDomain connect(AtomicReference<String> vault, AtomicInteger reads) {
        return connect(vault::get, reads);
    }

    private static AdDomain connect(java.util.function.Supplier<String> vault, AtomicInteger reads) {
        DomainSettings settings = new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of(OLD)), false, true, 2000, 2000, null);
        return AdDomain.connect(settings, new DomainRuntime(() -> {
            reads.incrementAndGet();
            String held = vault.get();
            return held == null ? null : Secret.of(held);
        }, AttemptLedger.onThisNode()));
    }

    private static int badPwdCountOfService() {
        try (AdDomain asAdmin = AdDomain.connect(new DomainSettings("corp.example.test", List.of(URI.create(ad.ldapUrl())),
                new ServiceLogin.Simple("Administrator@corp.example.test", Secret.of("Passw0rd!Admin")), false, true, 2000, 2000, null))) {
            return asAdmin.users().findByName(AccountName.parse("svc-keycloak").orElseThrow()).orElseThrow().badPwdCount();
        }
    }

    @Test
    void aRotatedPasswordIsReadFromTheVaultWhenTheDomainOpens() {
        admin.resetPassword("svc-keycloak", NEW);
        try (AdDomain domain = connect(new AtomicReference<>(NEW), new AtomicInteger())) {
            assertThat(domain.users().findByName(AccountName.parse("alice").orElseThrow())).isPresent();
        }
        assertThat(badPwdCountOfService()).isZero();
    }

    @Test
    void aRefusedPasswordReadsTheVaultOnceMoreAndBindsWithTheRotatedOne() {
        admin.resetPassword("svc-keycloak", NEW);
        AtomicInteger reads = new AtomicInteger();
        // The first read sees the old password, the vault is written just after it.
        try (AdDomain domain = connect(() -> reads.get() <= 1 ? OLD : NEW, reads)) {
            assertThat(domain.users().findByName(AccountName.parse("alice").orElseThrow())).isPresent();
        }
        // Read once for the bind AD refused, once more after it: the rotated password bound (which clears badPwdCount).
        assertThat(reads.get()).isGreaterThanOrEqualTo(2);
        assertThat(admin.isLockedOut("svc-keycloak")).isFalse();
    }

    @Test
    void aPasswordAdRefusedIsNotSentAgainWhileTheVaultHoldsIt() {
        admin.resetPassword("svc-keycloak", NEW);
        AtomicReference<String> vault = new AtomicReference<>(OLD);
        for (int attempt = 0; attempt < 6; attempt++) {
            DirectoryException refused = catchThrowableOfType(() -> connect(vault, new AtomicInteger()).close(),
                    DirectoryException.class);
            assertThat(refused).isNotNull();
        }
        assertThat(badPwdCountOfService()).as("wrong passwords AD counted for the service account").isEqualTo(1);
        assertThat(admin.isLockedOut("svc-keycloak")).isFalse();

        vault.set(NEW);
        try (AdDomain domain = connect(vault, new AtomicInteger())) {
            assertThat(domain.users().findByName(AccountName.parse("alice").orElseThrow())).isPresent();
        }
    }
}
