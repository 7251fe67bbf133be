package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LastSyncsTest {

    @Test
    void eachDomainsReadMethodNamesTheRightThatWouldMakeItCheaper() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("corp.example.test", "changes/guid_scan");
        methods.put("partner.example.test", "changes/dirsync");
        methods.put("other.example.test", "full");
        LastSyncs.record("component-1", new SyncReport("changed", Duration.ofMillis(42), methods, 3, 1, 0, 0, 0, null), List.of());

        LastSyncs.Entry entry = LastSyncs.of("component-1").orElseThrow();
        assertThat(entry.domains().get("corp.example.test").cheaperBy()).contains("Replicating Directory Changes")
                .contains("CN=Deleted Objects");
        assertThat(entry.domains().get("partner.example.test").cheaperBy()).as("DirSync is the cheapest").isNull();
        assertThat(entry.domains().get("other.example.test").cheaperBy()).isNull();
        assertThat(entry.report().duration()).isEqualTo(Duration.ofMillis(42));

        LastSyncs.forget("component-1");
        assertThat(LastSyncs.of("component-1")).isEmpty();
    }

    @Test
    void aSyncThatScannedEveryObjectGuidOfADomainIsKnownAsOne() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("corp.example.test", "changes/tombstones");
        LastSyncs.record("component-2", new SyncReport("changed", Duration.ofMillis(5), methods, 0, 0, 0, 0, 0, null), List.of());
        assertThat(LastSyncs.scannedGuids("component-2")).isFalse();

        methods.put("partner.example.test", "changes/guid_scan");
        LastSyncs.record("component-2", new SyncReport("changed", Duration.ofMillis(5), methods, 0, 0, 0, 0, 0, null), List.of());
        assertThat(LastSyncs.scannedGuids("component-2")).isTrue();
        assertThat(LastSyncs.scannedGuids("never-synced")).isFalse();
        LastSyncs.forget("component-2");
    }

    @Test
    void anUnknownMethodNamesNoRight() {
        assertThat(LastSyncs.cheaperBy("changes/something_new")).isNull();
        assertThat(LastSyncs.cheaperBy("failed")).isNull();
    }
}
