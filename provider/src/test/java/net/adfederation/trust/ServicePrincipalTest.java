package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentValidationException;

class ServicePrincipalTest {

    @Test
    void aUpnGivesItsAccountInTheBoundRealm() {
        assertThat(ServicePrincipal.of("svc-keycloak@corp.example.test", "corp.example.test")).isEqualTo("svc-keycloak@CORP.EXAMPLE.TEST");
    }

    @Test
    void anAlternativeUpnSuffixStillGivesTheBoundDomainsRealm() {
        assertThat(ServicePrincipal.of("svc-keycloak@example.com", "corp.example.test")).isEqualTo("svc-keycloak@CORP.EXAMPLE.TEST");
    }

    @Test
    void aDownLevelNameGivesItsAccountInTheBoundRealm() {
        assertThat(ServicePrincipal.of("CORP\\svc-keycloak", "corp.example.test")).isEqualTo("svc-keycloak@CORP.EXAMPLE.TEST");
    }

    @Test
    void aDnCannotBeTurnedIntoAPrincipal() {
        assertThatThrownBy(() -> ServicePrincipal.of("CN=svc@x,OU=Service,DC=corp,DC=example,DC=test", "corp.example.test"))
                .isInstanceOf(ComponentValidationException.class);
    }
}
