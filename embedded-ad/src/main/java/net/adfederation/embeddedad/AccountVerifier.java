package net.adfederation.embeddedad;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Optional;

/**
 * One forest's password check: finds the account a bind names, decides the bind by that
 * forest's own policy and keeps its lockout count. A DC of a trusting forest asks the account's
 * home forest through this, so a cross-forest bind is judged, and locks out, where the account lives.
 */
final class AccountVerifier {

    private final InternalDirectory directory;
    private final AccountNameResolver resolver;
    private final LockoutBookkeeping lockout;

    AccountVerifier(InternalDirectory directory) {
        this.directory = directory;
        this.resolver = new AccountNameResolver(directory);
        this.lockout = new LockoutBookkeeping(directory);
    }

    AdDomainSpec domain() {
        return directory.domain();
    }

    /** The user entry the bind name designates in this forest (DN, UPN or NETBIOS\sam). */
    Optional<Entry> resolve(String name) throws LDAPException {
        return resolver.resolve(name);
    }

    /** AD's sub-code refusing the bind ("52e", "775", ...), or empty when it succeeds. */
    Optional<String> refusal(Entry account, String password) throws LDAPException {
        boolean matches = !directory.server().getPasswordsInEntry(account, new ASN1OctetString(password)).isEmpty();
        DomainPolicy policy = directory.policy();
        Optional<String> refusal = BindRules.refusal(
                BindRules.AccountState.of(account), matches, policy, directory.stamp().now());
        if (refusal.isPresent()) {
            if (!matches) lockout.wrongPassword(account, policy);
        } else {
            lockout.goodPassword(account);
        }
        return refusal;
    }
}
