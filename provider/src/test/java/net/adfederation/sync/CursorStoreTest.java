package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import net.adfederation.directory.sync.SyncCursor;
import net.adfederation.directory.sync.SyncScope;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;

class CursorStoreTest {

    private static final String EVERYTHING = CursorStore.scopeDigest(Optional.of(SyncScope.everything()));
    private final MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
    private final SyncCursor cursor = new SyncCursor("dc1.corp.example.test", "0f5c2a3e-1111-2222-3333-444455556666", 123456789012L);

    @Test
    void aCursorIsKeptPerDomainAndReadBack() {
        CursorStore.write(config, "Corp.Example.Test", cursor, EVERYTHING);

        assertThat(config.getFirst("syncCursor.corp.example.test"))
                .startsWith("dc1.corp.example.test|0f5c2a3e-1111-2222-3333-444455556666|123456789012|");
        assertThat(CursorStore.read(config, "corp.example.test", EVERYTHING)).contains(cursor);
        assertThat(CursorStore.read(config, "partner.example.test", EVERYTHING)).isEmpty();
    }

    @Test
    void aDirSyncCookieTravelsWithTheCursorAndAnOlderCursorWithoutOneStillReads() {
        SyncCursor withCookie = new SyncCursor(cursor.dcHostName(), cursor.invocationId(), cursor.highestUsn(), "TVNEUwMAAAA+/=");
        CursorStore.write(config, "corp.example.test", withCookie, EVERYTHING);

        assertThat(CursorStore.read(config, "corp.example.test", EVERYTHING)).contains(withCookie);
        assertThat(CursorStore.decode("dc1|inv|42")).contains(new SyncCursor("dc1", "inv", 42));
    }

    @Test
    void aCursorOfAnotherScopeIsNotUsed() {
        CursorStore.write(config, "corp.example.test", cursor, EVERYTHING);
        String staff = CursorStore.scopeDigest(Optional.of(new SyncScope(List.of("Staff"))));

        assertThat(staff).isNotEqualTo(EVERYTHING)
                .isEqualTo(CursorStore.scopeDigest(Optional.of(new SyncScope(List.of("STAFF")))));
        assertThat(CursorStore.read(config, "corp.example.test", staff)).isEmpty();
    }

    @Test
    void aDomainOutOfScopeForgetsItsCursor() {
        CursorStore.write(config, "corp.example.test", cursor, EVERYTHING);

        CursorStore.write(config, "corp.example.test", null, CursorStore.scopeDigest(Optional.empty()));

        assertThat(config.getFirst("syncCursor.corp.example.test")).isNull();
    }

    @Test
    void anUnreadableCursorMeansAFullPass() {
        assertThat(CursorStore.decode("dc1|inv")).isEmpty();
        assertThat(CursorStore.decode("dc1|inv|many")).isEmpty();
        assertThat(CursorStore.decode("|inv|1")).isEmpty();
    }
}
