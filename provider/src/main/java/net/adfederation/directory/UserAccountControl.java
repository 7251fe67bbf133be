package net.adfederation.directory;

/**
 * The userAccountControl flags of an AD account (MS-ADTS 2.2.16) and tests on them. Note that AD
 * does not keep LOCKOUT and PASSWORD_EXPIRED current in this attribute: a bind's sub-code
 * ({@link BindOutcome}) is the reliable word on those two.
 */
public final class UserAccountControl {

    public static final int SCRIPT = 0x1;
    public static final int ACCOUNTDISABLE = 0x2;
    public static final int HOMEDIR_REQUIRED = 0x8;
    public static final int LOCKOUT = 0x10;
    public static final int PASSWD_NOTREQD = 0x20;
    public static final int PASSWD_CANT_CHANGE = 0x40;
    public static final int ENCRYPTED_TEXT_PWD_ALLOWED = 0x80;
    public static final int NORMAL_ACCOUNT = 0x200;
    public static final int WORKSTATION_TRUST_ACCOUNT = 0x1000;
    public static final int SERVER_TRUST_ACCOUNT = 0x2000;
    public static final int DONT_EXPIRE_PASSWORD = 0x10000;
    public static final int SMARTCARD_REQUIRED = 0x40000;
    public static final int NOT_DELEGATED = 0x100000;
    public static final int DONT_REQ_PREAUTH = 0x400000;
    public static final int PASSWORD_EXPIRED = 0x800000;

    private UserAccountControl() {
    }

    /** True when every bit of {@code flag} is set in {@code userAccountControl}. */
    public static boolean has(int userAccountControl, int flag) {
        return (userAccountControl & flag) == flag;
    }

    /** True for a disabled account. */
    public static boolean isDisabled(int userAccountControl) {
        return has(userAccountControl, ACCOUNTDISABLE);
    }

    /** True when the password never expires. */
    public static boolean passwordNeverExpires(int userAccountControl) {
        return has(userAccountControl, DONT_EXPIRE_PASSWORD);
    }
}
