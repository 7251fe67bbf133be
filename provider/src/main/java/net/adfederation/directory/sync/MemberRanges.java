package net.adfederation.directory.sync;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import net.adfederation.directory.read.IncompleteRead;

/**
 * A group's member DNs, however many: AD returns at most MaxValRange (1500) values of a
 * multi-valued attribute per read and then names it {@code member;range=0-1499}; the rest is read
 * with further base reads of {@code member;range=1500-*} until a range ends in "*". Each range
 * must start where the last one ended and hold as many values as it names; a range that is
 * missing, repeated or short fails the read ({@link IncompleteRead}), since a member list with a
 * hole would drop users from the group.
 */
final class MemberRanges {

    /** Reads one more range of the member attribute of the entry at dn (a base search). */
    interface RangeReader {
        Entry read(String dn, String rangedAttribute) throws LDAPException;
    }

    /** "range=0-1499" read as numbers; {@code last} is -1 for "*", the final range. */
    private record Range(long first, long last) {
        boolean isFinal() {
            return last < 0;
        }
    }

    private MemberRanges() {
    }

    static List<String> members(Entry group, RangeReader more) throws LDAPException {
        List<String> members = new ArrayList<>();
        Attribute plain = group.getAttribute("member");
        if (plain != null) members.addAll(List.of(plain.getValues()));
        Attribute ranged = ranged(group);
        long expected = 0;
        while (ranged != null) {
            Range range = range(group.getDN(), ranged);
            if (range.first() != expected) {
                throw broken(group, "the DC answered member;range=" + range.first() + "-... where " + expected
                        + " was next (" + (range.first() < expected ? "a range repeated" : "a range missing") + ")");
            }
            if (!range.isFinal() && ranged.size() != range.last() - range.first() + 1) {
                throw broken(group, "the range " + range.first() + "-" + range.last() + " carried " + ranged.size()
                        + " values");
            }
            members.addAll(List.of(ranged.getValues()));
            if (range.isFinal()) return members;
            expected = range.last() + 1;
            Entry next = more.read(group.getDN(), "member;range=" + expected + "-*");
            ranged = ranged(next);
            if (ranged == null) {
                throw broken(group, "the DC returned no member range from " + expected + " on, though the last range did"
                        + " not end in *");
            }
        }
        return members;
    }

    private static IncompleteRead broken(Entry group, String why) {
        return new IncompleteRead(ResultCode.DECODING_ERROR, "The members of " + group.getDN()
                + " could not be read completely: " + why + "; a partial member list is not used");
    }

    private static Attribute ranged(Entry entry) {
        if (entry == null) return null;
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase("member") && rangeOption(attribute) != null) return attribute;
        }
        return null;
    }

    private static Range range(String dn, Attribute attribute) throws IncompleteRead {
        String range = rangeOption(attribute).substring("range=".length());
        int dash = range.indexOf('-');
        try {
            long first = Long.parseLong(range.substring(0, dash));
            String end = range.substring(dash + 1);
            return new Range(first, end.equals("*") ? -1 : Long.parseLong(end));
        } catch (RuntimeException notARange) {
            throw new IncompleteRead(ResultCode.DECODING_ERROR, "The members of " + dn + " came with an unreadable range option "
                    + attribute.getName());
        }
    }

    private static String rangeOption(Attribute attribute) {
        for (String option : attribute.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) return option;
        }
        return null;
    }
}
