package net.adfederation.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.security.auth.Subject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keycloak.component.ComponentModel;
import org.keycloak.federation.kerberos.CommonKerberosConfig;

/**
 * The acceptor's keytab login is kept between tickets, survives the logout Keycloak's SPNEGO
 * authenticator calls after each ticket, and is done again for a keytab written anew. Uses the
 * keytab of .ci/kerberos.sh (an acceptor login reads the keytab only, it asks no KDC); skipped
 * where it was not made.
 */
class KeptServerSubjectTest {

    private static final Path CI_KEYTAB = Path.of("/tmp/ad-dc/kc-http.keytab");
    private static final String PRINCIPAL = "HTTP/keycloak.corp.example.test@CORP.EXAMPLE.TEST";

    @TempDir
    Path dir;

    private static CommonKerberosConfig config(Path keyTab) {
        ComponentModel model = new ComponentModel();
        model.getConfig().putSingle("allowKerberosAuthentication", "true");
        model.getConfig().putSingle("serverPrincipal", PRINCIPAL);
        model.getConfig().putSingle("keyTab", keyTab.toString());
        return new CommonKerberosConfig(model) {
        };
    }

    private Path keyTabCopy() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(CI_KEYTAB), "no keytab from .ci/kerberos.sh");
        return Files.copy(CI_KEYTAB, dir.resolve("http.keytab"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void oneLoginServesEveryTicketAndKeycloaksLogoutAfterATicketLeavesItsKeys() throws Exception {
        Path keyTab = keyTabCopy();
        KeptServerSubject first = new KeptServerSubject(config(keyTab));
        Subject subject = first.authenticateServerSubject();
        first.logoutServerSubject();

        assertThat(new KeptServerSubject(config(keyTab)).authenticateServerSubject()).isSameAs(subject);
        assertThat(subject.getPrivateCredentials()).as("the keys (or keytab) the acceptor reads").isNotEmpty();
        assertThat(subject.getPrincipals()).extracting(Object::toString).contains(PRINCIPAL);
    }

    @Test
    void aKeytabWrittenAnewIsLoggedInAgain() throws Exception {
        Path keyTab = keyTabCopy();
        Subject before = new KeptServerSubject(config(keyTab)).authenticateServerSubject();

        Files.setLastModifiedTime(keyTab, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(keyTab).toMillis() + 60_000));

        assertThat(new KeptServerSubject(config(keyTab)).authenticateServerSubject()).isNotSameAs(before);
    }
}
