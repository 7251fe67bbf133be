package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.sync.SyncScope;
import org.junit.jupiter.api.Test;

class ScopePerDomainTest {

    private static final DomainInfo CORP = new DomainInfo("corp.example.test", "CORP", "DC=corp,DC=example,DC=test", "dc1");
    private static final DomainInfo PARTNER = new DomainInfo("partner.example.test", "PARTNER", "DC=partner,DC=example,DC=test", "dc1");

    @Test
    void noScopeGroupsMeansEverything() {
        assertThat(ScopePerDomain.of(List.of(), CORP)).contains(SyncScope.everything());
    }

    @Test
    void bareNamesApplyEverywhereQualifiedOnesToTheirDomain() {
        List<String> names = List.of("Staff", "corp\\Engineering", "CN=Sales,OU=Groups,DC=partner,DC=example,DC=test");

        assertThat(ScopePerDomain.of(names, CORP)).hasValueSatisfying(s -> assertThat(s.groupNames()).containsExactly("Staff", "Engineering"));
        assertThat(ScopePerDomain.of(names, PARTNER)).hasValueSatisfying(s -> assertThat(s.groupNames())
                .containsExactly("Staff", "CN=Sales,OU=Groups,DC=partner,DC=example,DC=test"));
    }

    @Test
    void aDomainNoScopeGroupBelongsToIsNotSynchronised() {
        assertThat(ScopePerDomain.of(List.of("CORP\\Staff"), PARTNER)).isEmpty();
    }

    @Test
    void aUserIsAdmittedThroughAnyOfItsGroupsByNameOrDn() {
        List<AdGroup> groups = List.of(new AdGroup("CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", "Engineering", "S-1-5-21-1", "g1"));

        assertThat(ScopePerDomain.admits(ScopePerDomain.of(List.of("CORP\\engineering"), CORP), groups)).isTrue();
        assertThat(ScopePerDomain.admits(ScopePerDomain.of(List.of("cn=engineering,ou=groups,dc=corp,dc=example,dc=test"), CORP), groups)).isTrue();
        assertThat(ScopePerDomain.admits(ScopePerDomain.of(List.of("Sales"), CORP), groups)).isFalse();
        assertThat(ScopePerDomain.admits(ScopePerDomain.of(List.of("PARTNER\\Engineering"), CORP), groups)).isFalse();
        assertThat(ScopePerDomain.admits(ScopePerDomain.of(List.of(), CORP), List.of())).isTrue();
    }
}
