package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AD's extensible matching rules, turned into filters the server evaluates: in-chain
 * (1.2.840.113556.1.4.1941) on member and memberOf becomes an OR of distinguishedName
 * equalities over the transitive closure, and bitwise AND/OR (…803/…804) becomes an OR of the
 * stored values that pass the mask. An empty result is an OR with no parts, which never matches.
 */
final class AdMatchingRules {

    static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
    static final String BIT_AND = "1.2.840.113556.1.4.803";
    static final String BIT_OR = "1.2.840.113556.1.4.804";
    /** The absolute-false filter "(|)". */
    static final Filter NEVER = Filter.createORFilter();

    private final InternalDirectory directory;
    private final GroupClosure closure;

    AdMatchingRules(InternalDirectory directory, GroupClosure closure) {
        this.directory = directory;
        this.closure = closure;
    }

    /** The plain filter meaning the same as this extensible one, or empty when the rule is not AD's. */
    Optional<Filter> expand(Filter extensible) throws LDAPException {
        String rule = extensible.getMatchingRuleID();
        String attribute = extensible.getAttributeName();
        if (rule == null || attribute == null) return Optional.empty();
        switch (rule) {
            case IN_CHAIN:
                return Optional.of(inChain(attribute, extensible.getAssertionValue()));
            case BIT_AND:
            case BIT_OR:
                return Optional.of(bitwise(attribute, parseMask(extensible.getAssertionValue()), rule.equals(BIT_AND)));
            default:
                return Optional.empty();
        }
    }

    private Filter inChain(String attribute, String assertedDn) throws LDAPException {
        if (!DN.isValidDN(assertedDn)) return NEVER;
        DN target = new DN(assertedDn);
        if (attribute.equalsIgnoreCase("memberOf")) return anyOf(closure.nestedMembers(target));
        if (attribute.equalsIgnoreCase("member")) return anyOf(closure.nestedGroups(target));
        throw new LDAPException(ResultCode.UNWILLING_TO_PERFORM,
                "the in-chain rule is emulated on member and memberOf only, not on " + attribute);
    }

    private Filter bitwise(String attribute, long mask, boolean all) throws LDAPException {
        Set<Long> passing = new TreeSet<>();
        for (SearchResultEntry entry : directory.find(Filter.createPresenceFilter(attribute), attribute)) {
            for (String value : entry.getAttributeValues(attribute)) {
                long number = parseMask(value);
                if (all ? (number & mask) == mask : (number & mask) != 0) passing.add(number);
            }
        }
        List<Filter> equalities = new ArrayList<>();
        for (Long value : passing) equalities.add(Filter.createEqualityFilter(attribute, value.toString()));
        return equalities.isEmpty() ? NEVER : Filter.createORFilter(equalities);
    }

    private static Filter anyOf(Collection<DN> dns) {
        if (dns.isEmpty()) return NEVER;
        List<Filter> equalities = new ArrayList<>(dns.size());
        for (DN dn : dns) equalities.add(Filter.createEqualityFilter("distinguishedName", dn.toString()));
        return Filter.createORFilter(equalities);
    }

    private static long parseMask(String value) throws LDAPException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new LDAPException(ResultCode.INAPPROPRIATE_MATCHING, "a bitwise rule needs an integer: " + value);
        }
    }
}
