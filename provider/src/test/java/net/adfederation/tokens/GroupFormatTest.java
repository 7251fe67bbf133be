package net.adfederation.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GroupFormatTest {

    private static final ClaimGroup DEVELOPERS = new ClaimGroup("Developers", "CORP",
            "CN=Developers,OU=Groups,DC=corp,DC=example,DC=test", "S-1-5-21-1-2-3-1104");
    private static final ClaimGroup ENGINEERING = new ClaimGroup("Engineering", "CORP",
            "CN=Engineering,OU=Groups,DC=corp,DC=example,DC=test", "S-1-5-21-1-2-3-1105");
    private static final List<ClaimGroup> GROUPS = List.of(DEVELOPERS, ENGINEERING);

    @Test
    void formatsEachWay() {
        assertThat(GroupFormat.NAME.formatAll(GROUPS)).containsExactly("Developers", "Engineering");
        assertThat(GroupFormat.QUALIFIED.formatAll(GROUPS)).containsExactly("CORP\\Developers", "CORP\\Engineering");
        assertThat(GroupFormat.DN.formatAll(GROUPS)).containsExactly(DEVELOPERS.dn(), ENGINEERING.dn());
        assertThat(GroupFormat.SID.formatAll(GROUPS)).containsExactly("S-1-5-21-1-2-3-1104", "S-1-5-21-1-2-3-1105");
    }

    @Test
    void skipsGroupsLackingTheValueAndRepeats() {
        ClaimGroup bare = new ClaimGroup("Bare", null, null, " ");
        List<ClaimGroup> groups = List.of(DEVELOPERS, bare, DEVELOPERS);
        assertThat(GroupFormat.NAME.formatAll(groups)).containsExactly("Developers", "Bare");
        assertThat(GroupFormat.QUALIFIED.formatAll(groups)).containsExactly("CORP\\Developers");
        assertThat(GroupFormat.DN.formatAll(groups)).containsExactly(DEVELOPERS.dn());
        assertThat(GroupFormat.SID.formatAll(groups)).containsExactly(DEVELOPERS.sid());
        assertThat(GroupFormat.NAME.formatAll(List.of())).isEmpty();
    }

    @Test
    void readsTheConfigValue() {
        assertThat(GroupFormat.of("qualified")).isEqualTo(GroupFormat.QUALIFIED);
        assertThat(GroupFormat.of(" DN ")).isEqualTo(GroupFormat.DN);
        assertThat(GroupFormat.of("sid")).isEqualTo(GroupFormat.SID);
        assertThat(GroupFormat.of(null)).isEqualTo(GroupFormat.NAME);
        assertThat(GroupFormat.of("")).isEqualTo(GroupFormat.NAME);
        assertThat(GroupFormat.of("nonsense")).isEqualTo(GroupFormat.NAME);
    }
}
