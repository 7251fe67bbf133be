package net.adfederation.directory.dc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URI;
import java.util.List;

import net.adfederation.directory.ServiceLogin;
import net.adfederation.directory.Secret;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.DomainSettings;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdUser;
import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.metrics.AdMetrics;
import net.adfederation.metrics.PoolGauges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import net.adfederation.directory.DcTrail;

/**
 * The connection logger on every DC connection: operations timed by DC and operation, the DC marked
 * up or down, the answering DC noted for the sign-in event, the pools counted. Embedded AD.
 */
class LdapObserverTest {

    private static EmbeddedActiveDirectory ad;
    private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        ad = EmbeddedActiveDirectory.builder().start();
        Metrics.globalRegistry.add(REGISTRY);
    }

    @AfterAll
    static void stop() {
        Metrics.globalRegistry.remove(REGISTRY);
        ad.close();
    }

    private static DomainSettings settings(String url) {
        return new DomainSettings("corp.example.test", List.of(URI.create(url)), new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of("Passw0rd!Svc1")),
                false, true, 2000, 2000, null);
    }

    @Test
    void aPasswordCheckIsTimedByDcAndTellsWhichDcAnswered() {
        URI url = URI.create(ad.ldapUrl());
        String dc = url.getHost() + ":" + url.getPort();
        try (AdDomain domain = AdDomain.connect(settings(ad.ldapUrl()))) {
            AdUser alice = domain.users().findByName(AccountName.parse("alice").orElseThrow()).orElseThrow();
            DcTrail.clear();

            assertThat(domain.users().authenticate(alice, "wrong")).isEqualTo(BindOutcome.INVALID_CREDENTIALS);

            assertThat(DcTrail.last()).contains(dc);
            Timer refused = REGISTRY.find(AdMetrics.LDAP_OPERATION)
                    .tags("dc", dc, "operation", "bind", "result", "invalid_credentials").timer();
            assertThat(refused).isNotNull();
            assertThat(refused.count()).isPositive();
            assertThat(REGISTRY.find(AdMetrics.LDAP_OPERATION).tags("dc", dc, "operation", "search").timer()).isNotNull();
            assertThat(REGISTRY.get(AdMetrics.DC_UP).tag("dc", dc).gauge().value()).isEqualTo(1.0);
            assertThat(REGISTRY.get(PoolGauges.MAX).tags("domain", "corp.example.test", "pool", "binds").gauge().value())
                    .isEqualTo(32.0);
            assertThat(REGISTRY.get(PoolGauges.CONNECTIONS).tags("domain", "corp.example.test", "pool", "binds", "state", "idle")
                    .gauge().value()).isGreaterThanOrEqualTo(1.0);
        }
        assertThat(REGISTRY.get(PoolGauges.MAX).tags("domain", "corp.example.test", "pool", "binds").gauge().value())
                .as("a closed domain's pools leave the gauges").isZero();
    }

    @Test
    void aDcThatRefusesConnectionsIsDownAndIsTheOneNamed() {
        DcTrail.clear();
        try {
            AdDomain.connect(settings("ldap://127.0.0.1:1")).close();
        } catch (DirectoryException expected) {
            // no DC: what the observer saw is what counts
        }

        assertThat(DcTrail.last()).contains("127.0.0.1:1");
        assertThat(REGISTRY.get(AdMetrics.DC_UP).tag("dc", "127.0.0.1:1").gauge().value()).isZero();
    }
}
