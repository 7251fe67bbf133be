package net.adfederation.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.adfederation.directory.BindOutcome;
import net.adfederation.common.UserTexts;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.MessageType;

/**
 * A message the sign-in page shows as an alert of its own rather than as a red field error: what
 * Active Directory said about an account whose name and password were typed, or where its password
 * is reset. Any theme shows it as Keycloak's message of {@link #severity()}; the ad-portal theme gets
 * it as {@value #ATTRIBUTE} too, and words its title by {@link #kind()} and links the reset page.
 *
 * @param kind     a BindOutcome name, {@link #NAME_IN_SEVERAL_DOMAINS} or {@link #PASSWORD_MANAGED_IN_AD}
 * @param severity how the alert looks
 * @param text     the message, the same as in a direct grant's error_description
 * @param links    the reset pages the text names, which the page turns into links
 */
public record SignInNotice(String kind, Severity severity, String text, List<String> links) {

    public static final String ATTRIBUTE = "adNotice";
    public static final String NAME_IN_SEVERAL_DOMAINS = "NAME_IN_SEVERAL_DOMAINS";
    public static final String PASSWORD_MANAGED_IN_AD = "PASSWORD_MANAGED_IN_AD";

    private static final String FORWARDED = SignInNotice.class.getName();

    /** An alert's severity, as Keycloak's message type and as PatternFly's alert modifier. */
    public enum Severity {
        /** The user cannot go on without the help desk. */
        DANGER(MessageType.ERROR),
        /** The user can act: wait, change the password, type the name another way. */
        WARNING(MessageType.WARNING),
        /** Nothing is wrong with the account. */
        INFO(MessageType.INFO);

        private final MessageType messageType;

        Severity(MessageType messageType) {
            this.messageType = messageType;
        }

        /**
         * How the page shows the message of an AD refusal: danger where only the help desk can help
         * (disabled, expired, wrong computer), warning where the user can act (wait for the lockout
         * or the logon hours, change the password, try again later).
         */
        public static Severity of(BindOutcome outcome) {
            return switch (outcome) {
                case ACCOUNT_DISABLED, ACCOUNT_EXPIRED, INVALID_WORKSTATION -> DANGER;
                default -> WARNING;
            };
        }

        /** danger, warning or info: the pf-m-* modifier of the alert. */
        public String modifier() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A piece of the text: plain, or a reset page to link. */
    public record Part(String text, boolean link) {
    }

    public SignInNotice {
        links = List.copyOf(links);
    }

    /** After "Forgot password?": this account's password is reset in Active Directory. In English. */
    public static SignInNotice passwordGate(GateTarget gate) {
        return passwordGate(gate, UserTexts.english());
    }

    /** The same in the language of {@code texts}. */
    public static SignInNotice passwordGate(GateTarget gate, UserTexts texts) {
        return new SignInNotice(PASSWORD_MANAGED_IN_AD, Severity.INFO, gate.message(texts), gate.resetUrls());
    }

    /** The text split at each reset page it names, in order. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        if (!links.isEmpty()) {
            // Longest first, so a page whose address extends another's is linked whole.
            Matcher link = Pattern.compile(links.stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"))).matcher(text);
            while (link.find()) {
                if (link.start() > from) parts.add(new Part(text.substring(from, link.start()), false));
                parts.add(new Part(link.group(), true));
                from = link.end();
            }
        }
        if (from < text.length()) parts.add(new Part(text.substring(from), false));
        return parts;
    }

    /** Puts the notice on the page: as the page's message (any theme) and as {@value #ATTRIBUTE}. */
    public void applyTo(LoginFormsProvider form) {
        form.setMessage(severity.messageType, text);
        form.setAttribute(ATTRIBUTE, this);
    }
}
