package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * AD's member/memberOf link pair: {@code member} is the forward link an admin writes on a group,
 * {@code memberOf} the back-link the DC keeps on each member. Back-links are DC-local, so
 * writing them takes no USN; removing a deleted object from groups changes those groups.
 */
final class MemberLinks {

    private final InternalDirectory directory;

    MemberLinks(InternalDirectory directory) {
        this.directory = directory;
    }

    /** The group's current direct members, as DNs. */
    Set<DN> membersOf(DN group) throws LDAPException {
        return dnValues(directory.entry(group).orElse(null), "member");
    }

    void addBackLinks(DN group, Collection<DN> members) throws LDAPException {
        for (DN member : members) {
            Set<DN> current = dnValues(directory.entry(member).orElse(null), "memberOf");
            if (!current.contains(group)) {
                directory.modifyUnstamped(member, new Modification(ModificationType.ADD, "memberOf", group.toString()));
            }
        }
    }

    void removeBackLinks(DN group, Collection<DN> members) throws LDAPException {
        for (DN member : members) {
            Entry entry = directory.entry(member).orElse(null);
            String stored = storedValue(entry, "memberOf", group);
            if (stored != null) {
                directory.modifyUnstamped(member, new Modification(ModificationType.DELETE, "memberOf", stored));
            }
        }
    }

    /** After a delete: the object leaves every group (a change to each group) and its members lose the back-link. */
    void forget(DN deleted) throws LDAPException {
        for (SearchResultEntry group : directory.find(Filter.createEqualityFilter("member", deleted.toString()))) {
            String stored = storedValue(group, "member", deleted);
            directory.modifyStamped(group.getParsedDN(), new Modification(ModificationType.DELETE, "member", stored));
        }
        for (SearchResultEntry member : directory.find(Filter.createEqualityFilter("memberOf", deleted.toString()))) {
            String stored = storedValue(member, "memberOf", deleted);
            directory.modifyUnstamped(member.getParsedDN(), new Modification(ModificationType.DELETE, "memberOf", stored));
        }
    }

    /** After a rename: links that named the old DN name the new one. */
    void rename(DN from, DN to) throws LDAPException {
        for (String attribute : new String[] {"member", "memberOf"}) {
            for (SearchResultEntry holder : directory.find(Filter.createEqualityFilter(attribute, from.toString()))) {
                Modification delete = new Modification(ModificationType.DELETE, attribute, storedValue(holder, attribute, from));
                Modification add = new Modification(ModificationType.ADD, attribute, to.toString());
                if (attribute.equals("member")) {
                    directory.modifyStamped(holder.getParsedDN(), delete, add);
                } else {
                    directory.modifyUnstamped(holder.getParsedDN(), delete, add);
                }
            }
        }
    }

    static Set<DN> dnValues(Entry entry, String attribute) throws LDAPException {
        Set<DN> values = new LinkedHashSet<>();
        if (entry == null || !entry.hasAttribute(attribute)) return values;
        for (String value : entry.getAttributeValues(attribute)) values.add(new DN(value));
        return values;
    }

    /** The value as stored (its spelling may differ from the DN we hold), so a delete names it exactly. */
    private static String storedValue(Entry entry, String attribute, DN dn) throws LDAPException {
        if (entry == null || !entry.hasAttribute(attribute)) return null;
        for (String value : entry.getAttributeValues(attribute)) {
            if (new DN(value).equals(dn)) return value;
        }
        return null;
    }
}
