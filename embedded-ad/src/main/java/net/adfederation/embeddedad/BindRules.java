package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.Entry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides a simple bind the way the Samba 4.17 DC was seen to, returning AD's sub-code for a
 * refusal. Order observed there: a locked account answers 775 whatever the password (unless it
 * is also disabled); then a wrong password answers 52e; with the right password a disabled
 * account answers 533, an expired one 701, pwdLastSet 0 answers 773 and an aged password 532.
 */
final class BindRules {

    static final int ACCOUNTDISABLE = 0x2;
    static final int DONT_EXPIRE_PASSWORD = 0x10000;

    /** The account attributes the rules read. */
    record AccountState(int userAccountControl, long pwdLastSet, long accountExpires, long lockoutTime) {

        static AccountState of(Entry entry) {
            return new AccountState((int) DomainPolicy.longOf(entry, "userAccountControl", 0),
                    DomainPolicy.longOf(entry, "pwdLastSet", 0),
                    DomainPolicy.longOf(entry, "accountExpires", FileTime.NEVER),
                    DomainPolicy.longOf(entry, "lockoutTime", 0));
        }

        boolean disabled() {
            return (userAccountControl & ACCOUNTDISABLE) != 0;
        }
    }

    private BindRules() {
    }

    /** The sub-code AD answers, or empty when the bind succeeds. */
    static Optional<String> refusal(AccountState account, boolean passwordMatches, DomainPolicy policy, Instant now) {
        if (isLockedOut(account, policy, now) && !account.disabled()) return Optional.of("775");
        if (!passwordMatches) return Optional.of("52e");
        if (account.disabled()) return Optional.of("533");
        if (hasExpired(account, now)) return Optional.of("701");
        if (account.pwdLastSet() == 0) return Optional.of("773");
        if (passwordHasAged(account, policy, now)) return Optional.of("532");
        return Optional.empty();
    }

    /** lockoutTime set and still inside lockoutDuration; a zero duration locks until an admin unlocks. */
    static boolean isLockedOut(AccountState account, DomainPolicy policy, Instant now) {
        if (account.lockoutTime() == 0) return false;
        Duration duration = policy.lockoutDuration();
        return duration.isZero() || now.isBefore(FileTime.toInstant(account.lockoutTime()).plus(duration));
    }

    /** accountExpires of 0 or the maximum means never, as on AD. */
    static boolean hasExpired(AccountState account, Instant now) {
        long expires = account.accountExpires();
        return expires != 0 && expires != FileTime.NEVER && FileTime.toInstant(expires).isBefore(now);
    }

    static boolean passwordHasAged(AccountState account, DomainPolicy policy, Instant now) {
        if (policy.maxPasswordAge().isZero() || (account.userAccountControl() & DONT_EXPIRE_PASSWORD) != 0) {
            return false;
        }
        return FileTime.toInstant(account.pwdLastSet()).plus(policy.maxPasswordAge()).isBefore(now);
    }
}
