package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import net.adfederation.directory.read.GroupEntry;
import org.junit.jupiter.api.Test;

class GroupTreeTest {

    static GroupEntry group(String name, String... members) {
        return new GroupEntry("CN=" + name + ",OU=Groups,DC=corp,DC=example,DC=test", name,
                UUID.nameUUIDFromBytes(name.getBytes()), "S-1-5-21-1-1-1-" + Math.abs(name.hashCode() % 10000), null,
                List.of(members));
    }

    static String dn(String name) {
        return "CN=" + name + ",OU=Groups,DC=corp,DC=example,DC=test";
    }

    static UUID guid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }

    @Test
    void groupsSitUnderTheDomainGroupNestedAsInAd() {
        GroupTree tree = GroupTree.of("corp.example.test", List.of(
                group("Engineering", dn("Backend"), "CN=alice,OU=Staff,DC=corp,DC=example,DC=test"),
                group("Backend", dn("Oncall").toLowerCase()),
                group("Oncall"),
                group("Sales")));

        assertThat(tree.path(guid("Sales"))).containsExactly("corp.example.test", "Sales");
        assertThat(tree.path(guid("Oncall"))).containsExactly("corp.example.test", "Engineering", "Backend", "Oncall");
        assertThat(tree.parentOf(guid("Engineering"))).isNull();
        assertThat(tree.topDown()).extracting(GroupEntry::name).containsSubsequence("Engineering", "Backend", "Oncall");
    }

    @Test
    void aGroupInSeveralGroupsSitsDirectlyUnderTheDomainGroup() {
        GroupTree tree = GroupTree.of("corp.example.test", List.of(
                group("Engineering", dn("Shared")), group("Sales", dn("Shared")), group("Shared")));

        assertThat(tree.path(guid("Shared"))).containsExactly("corp.example.test", "Shared");
    }

    @Test
    void aNestingCycleIsBrokenSoEveryPathEnds() {
        GroupTree tree = GroupTree.of("corp.example.test", List.of(group("A", dn("B")), group("B", dn("A"))));

        assertThat(tree.path(guid("A"))).hasSizeLessThanOrEqualTo(3);
        assertThat(tree.path(guid("B"))).hasSizeLessThanOrEqualTo(3);
        assertThat(tree.parentOf(guid("A")) == null || tree.parentOf(guid("B")) == null).isTrue();
    }

    @Test
    void aGroupListingItselfIsNotItsOwnParent() {
        assertThat(GroupTree.of("corp.example.test", List.of(group("Loop", dn("Loop")))).parentOf(guid("Loop"))).isNull();
    }
}
