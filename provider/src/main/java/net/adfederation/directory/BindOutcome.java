package net.adfederation.directory;

/**
 * The result of checking a password by a bind, with AD's sub-code ("data 775") turned into a
 * distinct outcome. The table of sub-codes lives here and nowhere else.
 */
public enum BindOutcome {
    SUCCESS(null),
    /** 52e: wrong password (or unknown user, as AD words it). */
    INVALID_CREDENTIALS("52e"),
    /** 525: no such user. */
    NO_SUCH_USER("525"),
    /** 530: not permitted to log on at this time. */
    INVALID_LOGON_HOURS("530"),
    /** 531: not permitted to log on at this workstation. */
    INVALID_WORKSTATION("531"),
    /** 532: the password has expired. */
    PASSWORD_EXPIRED("532"),
    /** 533: the account is disabled. */
    ACCOUNT_DISABLED("533"),
    /** 701: the account has expired. */
    ACCOUNT_EXPIRED("701"),
    /** 773: the user must change the password at next logon. */
    PASSWORD_MUST_CHANGE("773"),
    /** 775: the account is locked out. */
    ACCOUNT_LOCKED("775"),
    /**
     * Not asked: one more wrong password could lock the AD account (its badPwdCount is one short
     * of the domain's lockoutThreshold), so no bind was sent. Worded as a wrong password.
     */
    LOCKOUT_AVOIDED(null),
    /** An empty password: refused without asking AD (an empty simple bind is an anonymous success). */
    EMPTY_PASSWORD(null),
    /** No DC could be asked. */
    DIRECTORY_UNAVAILABLE(null),
    /** Any other refusal. */
    OTHER_FAILURE(null);

    private final String subCode;

    BindOutcome(String subCode) {
        this.subCode = subCode;
    }

    /** AD's hexadecimal sub-code, e.g. "775"; null for outcomes AD does not name. */
    public String subCode() {
        return subCode;
    }
}
