package net.adfederation.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group's member DNs, however many: AD returns at most MaxValRange (1500) values of a
 * multi-valued attribute per read and then names it {@code member;range=0-1499}; the rest is read
 * with further base reads of {@code member;range=1500-*} until a range ends in "*".
 */
final class MemberRanges {

    /** Reads one more range of the member attribute of the entry at dn (a base search). */
    interface RangeReader {
        Entry read(String dn, String rangedAttribute) throws LDAPException;
    }

    private MemberRanges() {
    }

    static List<String> members(Entry group, RangeReader more) throws LDAPException {
        List<String> members = new ArrayList<>();
        Attribute plain = group.getAttribute("member");
        if (plain != null) members.addAll(List.of(plain.getValues()));
        Attribute ranged = ranged(group);
        while (ranged != null) {
            members.addAll(List.of(ranged.getValues()));
            String end = rangeEnd(ranged);
            if (end.equals("*")) break;
            String next = "member;range=" + (Long.parseLong(end) + 1) + "-*";
            ranged = ranged(more.read(group.getDN(), next));
            // A DC that answers a range with no ranged attribute has no more values.
        }
        return members;
    }

    private static Attribute ranged(Entry entry) {
        if (entry == null) return null;
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase("member") && rangeOption(attribute) != null) return attribute;
        }
        return null;
    }

    /** "1499" of range=0-1499, or "*" for the last range. */
    static String rangeEnd(Attribute attribute) {
        String range = rangeOption(attribute);
        return range.substring(range.indexOf('-') + 1);
    }

    private static String rangeOption(Attribute attribute) {
        for (String option : attribute.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) return option;
        }
        return null;
    }
}
