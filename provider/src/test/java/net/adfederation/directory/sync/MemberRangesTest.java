package net.adfederation.directory.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import net.adfederation.directory.read.IncompleteRead;
import org.junit.jupiter.api.Test;

/**
 * Groups larger than AD's MaxValRange come in member;range=... slices, read until the range ends in
 * "*"; slices that do not join up fail the read.
 */
class MemberRangesTest {

    private static final String GROUP = "CN=Big,CN=Users,DC=corp,DC=example,DC=test";

    private static String[] members(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "CN=u" + i + ",CN=Users,DC=corp,DC=example,DC=test")
                .toArray(String[]::new);
    }

    private static Entry slice(String range, String[] values) {
        Entry entry = new Entry(GROUP);
        entry.addAttribute("member;range=" + range, values);
        return entry;
    }

    @Test
    void smallGroupIsReadFromItsEntryAlone() throws Exception {
        Entry entry = new Entry(GROUP);
        entry.addAttribute("member", members(1, 3));

        assertThat(MemberRanges.members(entry, (dn, range) -> {
            throw new AssertionError("no further read expected");
        })).hasSize(3);
    }

    @Test
    void rangedMembersAreReadSliceBySliceUntilTheLast() throws Exception {
        List<String> asked = new ArrayList<>();
        List<String> all = MemberRanges.members(slice("0-1499", members(0, 1499)), (dn, range) -> {
            asked.add(range);
            return range.equals("member;range=1500-*") ? slice("1500-2999", members(1500, 2999))
                    : slice("3000-*", members(3000, 3200));
        });

        assertThat(all).hasSize(3201).doesNotHaveDuplicates();
        assertThat(asked).containsExactly("member;range=1500-*", "member;range=3000-*");
    }

    @Test
    void aRangeThatIsMissingRepeatedOrShortFailsTheRead() {
        Entry first = slice("0-1499", members(0, 1499));

        assertThatThrownBy(() -> MemberRanges.members(first, (dn, range) -> new Entry(GROUP)))
                .isInstanceOf(IncompleteRead.class).hasMessageContaining("no member range from 1500 on");
        assertThatThrownBy(() -> MemberRanges.members(first, (dn, range) -> slice("0-1499", members(0, 1499))))
                .hasMessageContaining("a range repeated");
        assertThatThrownBy(() -> MemberRanges.members(first, (dn, range) -> slice("3000-*", members(3000, 3001))))
                .hasMessageContaining("a range missing");
        assertThatThrownBy(() -> MemberRanges.members(slice("0-1499", members(0, 99)), (dn, range) -> null))
                .hasMessageContaining("carried 100 values");
    }

    @Test
    void emptyGroupHasNoMembers() throws Exception {
        assertThat(MemberRanges.members(new Entry(GROUP), (dn, range) -> null)).isEmpty();
    }
}
