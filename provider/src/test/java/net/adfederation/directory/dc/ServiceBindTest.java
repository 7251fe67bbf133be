package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.unboundid.ldap.sdk.GSSAPIBindRequest;
import com.unboundid.ldap.sdk.SASLQualityOfProtection;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DirectoryProblem;
import net.adfederation.directory.ServiceLogin;
import org.junit.jupiter.api.Test;

/** The service account's bind request per login kind and transport, without a directory. */
class ServiceBindTest {

    private static final ServiceBind KERBEROS =
            new ServiceBind(new ServiceLogin.Kerberos("svc-keycloak@corp.example.test", "secret"));

    @Test
    void kerberosSignsAndSealsWithoutTlsAndNeverInsideIt() {
        assertThat(ServiceBind.protection(false)).containsExactly(SASLQualityOfProtection.AUTH_CONF,
                SASLQualityOfProtection.AUTH_INT);
        assertThat(ServiceBind.protection(true)).containsExactly(SASLQualityOfProtection.AUTH);
        assertThat(ServiceBind.protection(null)).endsWith(SASLQualityOfProtection.AUTH);
        assertThat(((GSSAPIBindRequest) KERBEROS.request(false)).getAllowedQoP())
                .doesNotContain(SASLQualityOfProtection.AUTH);
    }

    @Test
    void simpleLoginIsASimpleBind() {
        ServiceBind simple = new ServiceBind(new ServiceLogin.Simple("CORP\\svc-keycloak", "secret"));

        assertThat(simple.request(false)).isInstanceOf(SimpleBindRequest.class);
        assertThat(simple.account()).isEqualTo("CORP\\svc-keycloak");
        assertThat(simple.isKerberos()).isFalse();
    }

    @Test
    void realmIsTheUpperCasedPartAfterTheAt() {
        assertThat(ServiceBind.realm("svc-keycloak@corp.example.test")).isEqualTo("CORP.EXAMPLE.TEST");
        assertThat(ServiceBind.realm("svc-keycloak")).isNull();
    }

    @Test
    void kerberosLoginWithoutPasswordIsRefusedBeforeAnyRequest() {
        ServiceBind noPassword = new ServiceBind(new ServiceLogin.Kerberos("svc@CORP.EXAMPLE.TEST", ""));

        assertThat(catchThrowableOfType(() -> noPassword.request(true), DirectoryException.class).problem())
                .isEqualTo(DirectoryProblem.KERBEROS_REFUSED);
    }
}
