package net.adfederation.directory.read;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Reserves each password attempt before its bind, so that AD never sees more wrong passwords for
 * an account than it allows before locking it, however many sign-ins arrive at once, on this node
 * or (with a cluster-wide {@link AttemptLedger}) on any node.
 * <p>
 * The attempts an account may still fail are numbered: with threshold T and N wrong passwords
 * counted, failures N+1 .. T-1 are safe. An attempt claims the first free number in the ledger and
 * binds only when it got one. A failed attempt keeps its number for its whole lifespan, so a sign-in
 * that read the count just before that failure reached AD still finds the number taken; a successful
 * one gives it back. An account AD has locked already is bound without a number: AD answers
 * "locked" (775) and does not count it.
 * <p>
 * A sign-in of an account with no wrong password counted takes number 1 without reading the policy,
 * so the usual sign-in costs no LDAP operation more; only an account with failures counted or
 * attempts in flight needs its policy, read fresh (an admin's change protects the next attempt);
 * sign-ins needing it at the same moment share one read ({@link LockoutPolicies}).
 */
final class LockoutGuard {

    private static final Logger LOG = Logger.getLogger(LockoutGuard.class);

    /** How long a failed attempt keeps its number after its bind at the latest. */
    static final Duration HOLD_AFTER_FAILURE = Duration.ofSeconds(30);

    private final AttemptLedger ledger;
    private final Supplier<LockoutPolicy> domainPolicy;
    private final Function<String, LockoutPolicy> psoPolicy;
    private final Supplier<Instant> dcNow;
    private final Duration lifespan;
    private final String domain;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /**
     * @param bindBudget the longest a bind may take (connect and response timeouts, one retry)
     */
    LockoutGuard(String domain, AttemptLedger ledger, Supplier<LockoutPolicy> domainPolicy,
                 Function<String, LockoutPolicy> psoPolicy, Supplier<Instant> dcNow, Duration bindBudget) {
        this.domain = domain;
        this.ledger = ledger;
        this.domainPolicy = domainPolicy;
        this.psoPolicy = psoPolicy;
        this.dcNow = dcNow;
        this.lifespan = bindBudget.plus(HOLD_AFTER_FAILURE);
    }

    /** A reserved attempt: tell it how the bind went. */
    interface Attempt {
        Attempt UNGUARDED = succeeded -> { };

        void finished(boolean succeeded);
    }

    /** An attempt the bind may go ahead with; empty when one more wrong password could lock the account. */
    Optional<Attempt> reserve(AdUser user) {
        if (user.lockedOutNow()) return Optional.of(Attempt.UNGUARDED);
        String account = "adfed-attempt:" + (user.objectGuid() != null ? user.objectGuid().toString()
                : user.dn().toLowerCase(Locale.ROOT)) + ":";
        if (user.badPwdCount() <= 0) {
            Optional<Attempt> first = claim(account, 1);
            if (first.isPresent()) return first;
        }
        LockoutPolicy policy = policyOf(user);
        if (policy.threshold() <= 0) return Optional.of(Attempt.UNGUARDED);
        int counted = policy.countedFailures(user.badPwdCount(), user.badPasswordTime(), dcNow.get());
        for (int failure = counted + 1; failure < policy.threshold(); failure++) {
            Optional<Attempt> attempt = claim(account, failure);
            if (attempt.isPresent()) return attempt;
        }
        return Optional.empty();
    }

    /**
     * The user's resultant policy: its PSO's where readable (an unreadable PSO: the stricter of the
     * assumed policy and the domain's), else the domain's; an assumed one is logged once.
     */
    LockoutPolicy policyOf(AdUser user) {
        LockoutPolicy policy = user.resultantPso() != null ? psoPolicy.apply(user.resultantPso()) : domainPolicy.get();
        if (policy.isAssumed() && logged.add(policy.assumedBecause())) {
            LOG.warnf("%s: the account lockout policy cannot be read (%s); until it can, the lockout guard assumes"
                    + " %d wrong passwords lock an account within %d minutes. Grant the service account read access"
                    + " to it.", domain, policy.assumedBecause(), policy.threshold(), policy.observationWindow().toMinutes());
        }
        return policy;
    }

    private Optional<Attempt> claim(String account, int failure) {
        String key = account + failure;
        if (!ledger.claim(key, lifespan)) return Optional.empty();
        return Optional.of(succeeded -> {
            // A failure keeps its number until the lifespan ends: AD counts it now.
            if (succeeded) ledger.release(key);
        });
    }
}
