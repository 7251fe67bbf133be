package net.adfederation.directory.read;

/**
 * The result of writing a password to AD (unicodePwd over an encrypted connection), with AD's
 * refusal codes turned into outcomes a user can act on.
 */
public enum PasswordChange {
    CHANGED,
    /** 0000052D: the new password does not meet the domain's policy (length, complexity, history, age); the DC did not say which rule. */
    POLICY_VIOLATION,
    /** 0000052D, and the DC says the password is in the history (Samba words each rule; Windows DCs do not). */
    PASSWORD_IN_HISTORY,
    /** 0000052D: shorter than the minimum length. */
    PASSWORD_TOO_SHORT,
    /** 0000052D: the current password is younger than the minimum password age. */
    PASSWORD_TOO_YOUNG,
    /** 0000052D: does not meet the complexity rules. */
    PASSWORD_NOT_COMPLEX,
    /** 00000056: the current password given is wrong. */
    WRONG_CURRENT_PASSWORD,
    /** The connection is not encrypted: AD accepts unicodePwd only over LDAPS or StartTLS. */
    NOT_ENCRYPTED,
    /** The service account lacks the right to reset this user's password. */
    NOT_PERMITTED,
    DIRECTORY_UNAVAILABLE,
    OTHER_FAILURE
}
