package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import net.adfederation.directory.SyncCursor;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;

class CursorStoreTest {

    @Test
    void aCursorIsKeptPerDomainAndReadBack() {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        SyncCursor cursor = new SyncCursor("dc1.corp.example.test", "0f5c2a3e-1111-2222-3333-444455556666", 123456789012L);

        CursorStore.write(config, "Corp.Example.Test", cursor);

        assertThat(config.getFirst("syncCursor.corp.example.test")).isEqualTo("dc1.corp.example.test|0f5c2a3e-1111-2222-3333-444455556666|123456789012");
        assertThat(CursorStore.read(config, "corp.example.test")).contains(cursor);
        assertThat(CursorStore.read(config, "partner.example.test")).isEmpty();
    }

    @Test
    void anUnreadableCursorMeansAFullPass() {
        assertThat(CursorStore.decode("dc1|inv")).isEmpty();
        assertThat(CursorStore.decode("dc1|inv|many")).isEmpty();
        assertThat(CursorStore.decode("|inv|1")).isEmpty();
    }
}
