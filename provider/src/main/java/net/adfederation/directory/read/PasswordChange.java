package net.adfederation.directory.read;

/**
 * The result of writing a password to AD (unicodePwd over an encrypted connection), with AD's
 * refusal codes turned into outcomes a user can act on.
 */
public enum PasswordChange {
    CHANGED,
    /** 0000052D: the new password does not meet the domain's policy (length, complexity, history, age). */
    POLICY_VIOLATION,
    /** 00000056: the current password given is wrong. */
    WRONG_CURRENT_PASSWORD,
    /** The connection is not encrypted: AD accepts unicodePwd only over LDAPS or StartTLS. */
    NOT_ENCRYPTED,
    /** The service account lacks the right to reset this user's password. */
    NOT_PERMITTED,
    DIRECTORY_UNAVAILABLE,
    OTHER_FAILURE
}
