package net.adfederation.embeddedad;

import static net.adfederation.embeddedad.EmbeddedAdFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SingleServerSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Under load, as a sign-in benchmark drives it: many binds at once, every right password accepted. */
class ConcurrentBindTest {

    @Test
    void everyOneOfManyConcurrentBindsWithTheRightPasswordSucceeds() throws Exception {
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().withoutTls().start();
             LDAPConnectionPool binds = new LDAPConnectionPool(new SingleServerSet("127.0.0.1", ad.ldapPort()), null,
                     0, 8, 1, null, false)) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<Integer>> refused = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                refused.add(clients.submit(() -> {
                    int count = 0;
                    for (int i = 0; i < 250; i++) {
                        try {
                            binds.bind(ALICE, "Passw0rd!Alice");
                        } catch (LDAPException e) {
                            count++;
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> client : refused) total += client.get();
            clients.shutdown();

            assertThat(total).as("right passwords refused among 2000 concurrent binds").isZero();
        }
    }
}
