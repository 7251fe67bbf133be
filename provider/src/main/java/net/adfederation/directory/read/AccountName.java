package net.adfederation.directory.read;

import java.util.Locale;
import java.util.Optional;

/**
 * A sign-in name as typed, parsed once into AD's three forms: a bare sAMAccountName
 * ({@code alice}), a user principal name ({@code alice@corp.example.test}) or a down-level
 * logon name ({@code CORP\alice}).
 *
 * @param form    which of the three forms was typed
 * @param account the sAMAccountName part, or the whole UPN for {@link Form#UPN}
 * @param domain  the NetBIOS name for {@link Form#DOWN_LEVEL}, the UPN suffix for {@link Form#UPN}, null for a bare name
 */
public record AccountName(Form form, String account, String domain) {

    public enum Form { BARE, UPN, DOWN_LEVEL }

    /**
     * Parses what a user typed; empty for blank input, a name with an empty part, and a name
     * {@link TypedText} refuses (control characters, over-long), so such a name reaches no DC.
     */
    public static Optional<AccountName> parse(String typed) {
        if (!TypedText.acceptable(typed)) return Optional.empty();
        String name = typed.trim();
        if (name.isEmpty()) return Optional.empty();
        int slash = name.indexOf('\\');
        if (slash >= 0) {
            String netbios = name.substring(0, slash);
            String sam = name.substring(slash + 1);
            if (netbios.isEmpty() || sam.isEmpty() || sam.indexOf('\\') >= 0) return Optional.empty();
            return Optional.of(new AccountName(Form.DOWN_LEVEL, sam, netbios.toUpperCase(Locale.ROOT)));
        }
        int at = name.lastIndexOf('@');
        if (at >= 0) {
            if (at == 0 || at == name.length() - 1) return Optional.empty();
            return Optional.of(new AccountName(Form.UPN, name, name.substring(at + 1).toLowerCase(Locale.ROOT)));
        }
        return Optional.of(new AccountName(Form.BARE, name, null));
    }
}
