package net.adfederation.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where the password of an AD account lives and where its owner changes it, with the wording the
 * sign-in pages, the account console and the admin API show. The texts hold no apostrophe and no
 * brace: Keycloak passes some of them through {@link java.text.MessageFormat}.
 *
 * @param domain   the AD domain, shown in upper case (CORP.EXAMPLE.TEST); several joined by ", "
 * @param resetUrl where users change or reset their AD password, or null; several joined by " or "
 */
public record GateTarget(String domain, String resetUrl) {

    /** Joins several reset addresses; a URL holds no space, so it also splits them again. */
    private static final String URL_SEPARATOR = " or ";

    public GateTarget {
        domain = domain == null ? "" : domain.trim().toUpperCase(Locale.ROOT);
        resetUrl = resetUrl == null || resetUrl.isBlank() ? null : resetUrl.trim();
    }

    /** One target naming every domain and every reset address, for answers that must not tell users apart. */
    public static GateTarget combined(Collection<GateTarget> targets) {
        String domains = targets.stream().map(GateTarget::domain).filter(d -> !d.isEmpty())
                .distinct().sorted().collect(Collectors.joining(", "));
        String urls = targets.stream().map(GateTarget::resetUrl).filter(Objects::nonNull)
                .distinct().sorted().collect(Collectors.joining(URL_SEPARATOR));
        return new GateTarget(domains, urls);
    }

    /** The password-gate message: this password is changed in AD, not here. */
    public String message() {
        return "The password of this account is managed in " + directory()
                + ". Change or reset it in Active Directory" + whereToChange();
    }

    /** Why no other credential (OTP, passkey, ...) can be kept for such an account. */
    public String otherCredentialsMessage() {
        return "This account signs in with its password from " + directory()
                + ". Keycloak keeps no other credentials for it.";
    }

    /** The tail every "change it in AD" sentence ends with: the reset page if any, a domain computer, the help desk. */
    public String whereToChange() {
        return (resetUrl == null ? "" : " at " + resetUrl + ",")
                + " on a domain computer with Ctrl+Alt+Del > Change a password, or ask your IT help desk.";
    }

    /** Each reset address on its own, for pages that show them as links. */
    public List<String> resetUrls() {
        return resetUrl == null ? List.of() : List.of(resetUrl.split(URL_SEPARATOR));
    }

    private String directory() {
        return domain.isEmpty() ? "Active Directory" : "Active Directory (" + domain + ")";
    }
}
