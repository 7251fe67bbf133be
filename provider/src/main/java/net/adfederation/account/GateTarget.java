package net.adfederation.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import net.adfederation.common.UserTexts;

/**
 * Where the password of an AD account lives and where its owner changes it, with the wording the
 * sign-in pages, the account console and the admin API show (message bundles of the ad-portal login
 * theme, {@link UserTexts}). The texts hold no apostrophe and no brace: Keycloak passes some of them
 * through {@link java.text.MessageFormat}.
 *
 * @param domain   the AD domain, shown in upper case (CORP.EXAMPLE.TEST); several joined by ", "
 * @param resetUrl where users change or reset their AD password, or null; several joined by a space
 */
public record GateTarget(String domain, String resetUrl) {

    /** Joins several reset addresses; a URL holds no space, so it also splits them again. Texts word the list. */
    private static final String URL_SEPARATOR = " ";

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

    /** The password-gate message: this password is changed in AD, not here. In English. */
    public String message() {
        return message(UserTexts.english());
    }

    /** The password-gate message in the language of {@code texts}. */
    public String message(UserTexts texts) {
        return texts.get("adGateMessage", directory(texts), whereToChange(texts));
    }

    /** Why no credential but a second factor (OTP, security key, recovery codes) can be kept for such an account. In English. */
    public String otherCredentialsMessage() {
        return otherCredentialsMessage(UserTexts.english());
    }

    public String otherCredentialsMessage(UserTexts texts) {
        return texts.get("adGateOtherCredentials", directory(texts));
    }

    /** The tail every "change it in AD" sentence ends with, after a space: the reset page if any, a domain computer, the help desk. */
    public String whereToChange() {
        return " " + whereToChange(UserTexts.english());
    }

    /** The same tail in the language of {@code texts}, without the leading space. */
    public String whereToChange(UserTexts texts) {
        return resetUrl == null ? texts.get("adWhereToChange") : texts.get("adWhereToChangeAt", texts.list(resetUrls(), "adListOr"));
    }

    /** Each reset address on its own, for pages that show them as links. */
    public List<String> resetUrls() {
        return resetUrl == null ? List.of() : List.of(resetUrl.split(URL_SEPARATOR));
    }

    private String directory(UserTexts texts) {
        return domain.isEmpty() ? texts.get("adDirectory") : texts.get("adDirectoryOf", domain);
    }
}
