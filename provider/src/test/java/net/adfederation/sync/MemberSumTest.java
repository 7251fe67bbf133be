package net.adfederation.sync;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberSumTest {

    private static final String ALICE = "CN=Alice,CN=Users,DC=corp,DC=example,DC=test";
    private static final String BOB = "CN=Bob,CN=Users,DC=corp,DC=example,DC=test";
    private static final String CAROL = "CN=Carol,CN=Users,DC=corp,DC=example,DC=test";

    @Test
    void aListWithoutAMemberSumsToTheListsSumMinusThatMemberInAnyOrderAndCase() {
        MemberSum all = MemberSum.of(List.of(ALICE, BOB, CAROL));
        assertThat(MemberSum.of(List.of(CAROL, ALICE))).isEqualTo(all.minus(BOB.toUpperCase()));
        assertThat(all.minus(BOB).plus(BOB)).isEqualTo(all);
    }

    @Test
    void aDifferentListHasADifferentSum() {
        MemberSum two = MemberSum.of(List.of(ALICE, BOB));
        assertThat(MemberSum.of(List.of(ALICE, CAROL))).isNotEqualTo(two);
        // A member named twice is not the same list as the member once.
        assertThat(MemberSum.of(List.of(ALICE, ALICE, BOB))).isNotEqualTo(two);
        assertThat(MemberSum.of(List.of())).isEqualTo(MemberSum.NONE);
    }

    @Test
    void theKeptValueReadsBackAndAnythingElseReadsAsNone() {
        MemberSum sum = MemberSum.of(List.of(ALICE, BOB, CAROL));
        assertThat(MemberSum.decode(sum.encoded())).contains(sum);
        assertThat(MemberSum.decode(null)).isEmpty();
        assertThat(MemberSum.decode("not a sum")).isEmpty();
        assertThat(MemberSum.decode("zz" + sum.encoded().substring(2))).isEmpty();
    }
}
