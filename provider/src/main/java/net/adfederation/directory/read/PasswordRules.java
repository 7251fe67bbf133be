package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.Entry;
import java.time.Duration;

/**
 * The rules AD applies to a user's new password, as the domain object states them (minPwdLength,
 * pwdProperties, pwdHistoryLength, minPwdAge) or, where one applies and the service account may
 * read it, the user's resultant fine-grained policy (msDS-ResultantPSO). Shown before the user types.
 *
 * @param minLength     fewest characters; 0 for none
 * @param complexity    three kinds of characters, not the account name
 * @param historyLength how many earlier passwords may not come back; 0 for none
 * @param minAge        how long a password must be kept before the user may change it; zero for none
 * @param fineGrained   true when the values come from the user's fine-grained policy
 */
public record PasswordRules(int minLength, boolean complexity, int historyLength, Duration minAge, boolean fineGrained) {

    static final String[] DOMAIN_ATTRIBUTES = {"minPwdLength", "pwdProperties", "pwdHistoryLength", "minPwdAge"};
    static final String[] PSO_ATTRIBUTES = {"msDS-MinimumPasswordLength", "msDS-PasswordComplexityEnabled",
        "msDS-PasswordHistoryLength", "msDS-MinimumPasswordAge"};

    static PasswordRules ofDomain(Entry domainObject) {
        return new PasswordRules(number(domainObject, "minPwdLength"), (number(domainObject, "pwdProperties") & 1) != 0,
                number(domainObject, "pwdHistoryLength"), interval(domainObject, "minPwdAge"), false);
    }

    /** Empty when the entry does not show the policy's values (the service account may not read them). */
    static java.util.Optional<PasswordRules> ofPso(Entry pso) {
        if (pso == null || !pso.hasAttribute("msDS-MinimumPasswordLength")) return java.util.Optional.empty();
        return java.util.Optional.of(new PasswordRules(number(pso, "msDS-MinimumPasswordLength"),
                "TRUE".equalsIgnoreCase(pso.getAttributeValue("msDS-PasswordComplexityEnabled")),
                number(pso, "msDS-PasswordHistoryLength"), interval(pso, "msDS-MinimumPasswordAge"), true));
    }

    private static int number(Entry entry, String attribute) {
        Long value = entry.getAttributeValueAsLong(attribute);
        return value == null ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, value));
    }

    /** AD keeps intervals as negative counts of 100 ns ticks; Long.MIN_VALUE means none. */
    private static Duration interval(Entry entry, String attribute) {
        Long ticks = entry.getAttributeValueAsLong(attribute);
        if (ticks == null || ticks == 0 || ticks == Long.MIN_VALUE) return Duration.ZERO;
        return Duration.ofNanos(Math.abs(ticks) * 100);
    }
}
