package net.adfederation.connector;

import net.adfederation.common.ConfigRefusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import net.adfederation.directory.read.AdUser;

/**
 * Who may sign in through a connector: members (nested ones included) of one of the
 * {@code allowedGroups}, accounts living under one of the {@code allowedOUs}, or, with both set,
 * accounts that are both. Empty settings: every enabled account of the domain, as before. The OU
 * test is a DN suffix; the group test matches the SIDs of the user's token (tokenGroups, the same
 * read that group links and the groups mapper use) with the groups' SIDs, which the domain's
 * {@code GroupSidCache} keeps, so neither asks AD anything of its own.
 *
 * @param allowedGroups group sAMAccountNames or DNs, as configured
 * @param allowedOUs    the OUs (any container DN), parsed
 */
record SignInScope(List<String> allowedGroups, List<DN> allowedOUs) {

    public static final String ALLOWED_GROUPS = "allowedGroups";
    public static final String ALLOWED_OUS = "allowedOUs";

    static final SignInScope EVERYONE = new SignInScope(List.of(), List.of());

    private static final Pattern QUOTED_OR_WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    SignInScope {
        allowedGroups = List.copyOf(allowedGroups);
        allowedOUs = List.copyOf(allowedOUs);
    }

    static SignInScope parse(String groups, String ous, String baseDn) {
        return new SignInScope(groupNames(groups), ouDns(ous, baseDn));
    }

    boolean isEveryone() {
        return allowedGroups.isEmpty() && allowedOUs.isEmpty();
    }

    boolean limitsGroups() {
        return !allowedGroups.isEmpty();
    }

    /** Whether the account lives under one of the allowed OUs (true when none is set). */
    boolean placeAdmits(AdUser user) {
        if (allowedOUs.isEmpty()) return true;
        try {
            DN dn = new DN(user.dn());
            return allowedOUs.stream().anyMatch(ou -> dn.isDescendantOf(ou, false));
        } catch (LDAPException e) {
            return false;
        }
    }

    /**
     * Whether the user's token SIDs hold one of the allowed groups' SIDs (true when no group is
     * set; then neither supplier is asked).
     */
    boolean groupsAdmit(Supplier<Collection<String>> allowedSids, Supplier<Set<String>> tokenSids) {
        if (allowedGroups.isEmpty()) return true;
        Collection<String> allowed = allowedSids.get();
        if (allowed.isEmpty()) return false;
        Set<String> token = tokenSids.get();
        return allowed.stream().anyMatch(token::contains);
    }

    /** For the fingerprint: a changed scope applies at once. */
    String describe() {
        return allowedGroups + "|" + allowedOUs;
    }

    /**
     * Group names separated by spaces or new lines, a name with spaces in double quotes
     * ("Domain Users"); a line holding "=" is one group DN (DNs hold commas and spaces).
     */
    static List<String> groupNames(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        List<String> names = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            String text = line.trim();
            if (text.isEmpty()) continue;
            if (text.indexOf('=') > 0) {
                requireDn(ALLOWED_GROUPS, text);
                names.add(text);
                continue;
            }
            Matcher m = QUOTED_OR_WORD.matcher(text);
            while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names.stream().filter(n -> !n.isBlank()).distinct().toList();
    }

    /** One OU DN per line, each inside the domain (under its base DN). */
    static List<DN> ouDns(String raw, String baseDn) {
        if (raw == null || raw.isBlank()) return List.of();
        List<DN> ous = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            String text = line.trim();
            if (text.isEmpty()) continue;
            DN ou = requireDn(ALLOWED_OUS, text);
            try {
                if (!ou.isDescendantOf(new DN(baseDn), true)) {
                    throw new ConfigRefusal(ALLOWED_OUS + ": {0} is not inside the domain ({1})", text, baseDn);
                }
            } catch (LDAPException e) {
                throw new IllegalStateException("the domain's base DN does not parse: " + baseDn, e);
            }
            if (!ous.contains(ou)) ous.add(ou);
        }
        return ous;
    }

    private static DN requireDn(String key, String text) {
        try {
            return new DN(text);
        } catch (LDAPException e) {
            throw new ConfigRefusal(key + ": {0} is not a distinguished name (one per line, such as"
                    + " OU=Staff,DC=corp,DC=example,DC=test)", text);
        }
    }
}
