package net.adfederation.embeddedad;

import java.util.Locale;

/**
 * The domain's password rules as AD applies them to a new password: at least minPwdLength
 * characters and, when pwdProperties asks for complexity, three of the four character kinds and
 * not the account name.
 */
final class PasswordPolicy {

    private PasswordPolicy() {
    }

    static boolean accepts(String password, String samAccountName, DomainPolicy policy) {
        if (password.length() < policy.minPasswordLength()) return false;
        if (!policy.complexity()) return true;
        boolean containsName = samAccountName != null && samAccountName.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(samAccountName.toLowerCase(Locale.ROOT));
        return !containsName && characterKinds(password) >= 3;
    }

    private static int characterKinds(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) upper = true;
            else if (Character.isLowerCase(c)) lower = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
