package net.adfederation.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupClaimFilterTest {

    private static final List<ClaimGroup> GROUPS = List.of(
            new ClaimGroup("app-Billing", "CORP", "CN=app-Billing,DC=corp", "S-1-5-21-1-1001"),
            new ClaimGroup("Developers", "CORP", "CN=Developers,DC=corp", "S-1-5-21-1-1002"),
            new ClaimGroup("APP-crm", "CORP", "CN=APP-crm,DC=corp", "S-1-5-21-1-1003"),
            new ClaimGroup("role-admin", "CORP", "CN=role-admin,DC=corp", "S-1-5-21-1-1004"));

    private static List<String> names(List<ClaimGroup> groups) {
        return groups.stream().map(ClaimGroup::name).toList();
    }

    @Test
    void noSettingKeepsEveryGroupAndReadsNoLinks() {
        AtomicInteger linkReads = new AtomicInteger();
        GroupClaimFilter filter = GroupClaimFilter.of(Map.of());
        assertThat(filter.keep(GROUPS, () -> {
            linkReads.incrementAndGet();
            return Set.of();
        })).isEqualTo(GROUPS);
        assertThat(linkReads).hasValue(0);
        assertThat(filter.needsNames()).isFalse();
    }

    @Test
    void prefixAndPatternIgnoreCase() {
        assertThat(names(GroupClaimFilter.of(Map.of(GroupClaimFilter.PREFIX, "app-")).keep(GROUPS, Set::of)))
                .containsExactly("app-Billing", "APP-crm");
        assertThat(names(GroupClaimFilter.of(Map.of(GroupClaimFilter.PATTERN, "(app|role)-(crm|admin)")).keep(GROUPS, Set::of)))
                .containsExactly("APP-crm", "role-admin");
        assertThat(GroupClaimFilter.of(Map.of(GroupClaimFilter.PATTERN, "dev.*")).needsNames()).isTrue();
    }

    @Test
    void linkedOnlyKeepsTheLinkedSids() {
        GroupClaimFilter filter = GroupClaimFilter.of(Map.of(GroupClaimFilter.LINKED_ONLY, "true"));
        assertThat(names(filter.keep(GROUPS, () -> Set.of("S-1-5-21-1-1002", "S-1-5-21-1-9999")))).containsExactly("Developers");
    }

    @Test
    void pastTheMaximumTheFirstInAFixedOrderAreKept() {
        GroupClaimFilter filter = GroupClaimFilter.of(Map.of(GroupClaimFilter.MAX, "2"));
        List<String> values = List.of("role-admin", "Developers", "app-Billing", "APP-crm");
        assertThat(filter.overflows(values)).isTrue();
        assertThat(filter.cut(values)).containsExactly("app-Billing", "APP-crm");
        assertThat(filter.cut(List.of("APP-crm", "role-admin", "app-Billing", "Developers"))).as("whatever AD's order")
                .containsExactly("app-Billing", "APP-crm");
        assertThat(filter.overflows(List.of("a", "b"))).isFalse();
        assertThat(GroupClaimFilter.of(Map.of(GroupClaimFilter.MAX, "0")).overflows(values)).isFalse();
        assertThat(AdGroupsMapper.overflowClaim("groups")).isEqualTo("groups_overflow");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> GroupClaimFilter.of(Map.of(GroupClaimFilter.PATTERN, "app-(")))
                .hasMessageContaining("app-( is no regular expression");
        assertThatThrownBy(() -> GroupClaimFilter.of(Map.of(GroupClaimFilter.MAX, "-3"))).hasMessageContaining("Maximum groups -3");
        assertThatThrownBy(() -> GroupClaimFilter.of(Map.of(GroupClaimFilter.MAX, "many"))).hasMessageContaining("Maximum groups many");
    }
}
