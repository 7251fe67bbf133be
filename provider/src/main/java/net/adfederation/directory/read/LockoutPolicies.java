package net.adfederation.directory.read;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lockout policies one domain's {@link LockoutGuard} applies: the domain's and each password
 * settings object's, read fresh for each sign-in that needs one, so an admin's change (lockout
 * turned on, a lower threshold, a new PSO) protects the very next attempt. Sign-ins that need the
 * same policy while its read is on the wire share that read instead of each sending their own:
 * under concurrent sign-ins of one account the guard needs the policy on nearly every attempt.
 * <p>
 * Nothing is kept after a read: a policy kept a minute let a burst of wrong passwords through
 * unguarded right after lockout was turned on (AdLockoutProtectionTest, merged run of 2026-12-07).
 * An outage is thrown to every sign-in that shared the read; the read is bounded by the domain's
 * operation timeouts, so the wait for it is too.
 */
final class LockoutPolicies {

    private static final String DOMAIN = "";

    private final Map<String, CompletableFuture<LockoutPolicy>> reading = new ConcurrentHashMap<>();
    private final Supplier<LockoutPolicy> readDomain;
    private final Function<String, LockoutPolicy> readPso;

    LockoutPolicies(Supplier<LockoutPolicy> readDomain, Function<String, LockoutPolicy> readPso) {
        this.readDomain = readDomain;
        this.readPso = readPso;
    }

    LockoutPolicy domain() {
        return shared(DOMAIN, readDomain);
    }

    /**
     * The policy of the PSO named by an account's msDS-ResultantPSO. One the service account cannot
     * read is no reason to be laxer than the domain: the stricter of the assumed policy and the
     * domain's applies.
     */
    LockoutPolicy pso(String dn) {
        LockoutPolicy pso = shared(dn.trim().toLowerCase(Locale.ROOT), () -> readPso.apply(dn));
        return pso.isAssumed() ? pso.stricterOf(domain()) : pso;
    }

    private LockoutPolicy shared(String key, Supplier<LockoutPolicy> read) {
        CompletableFuture<LockoutPolicy> mine = new CompletableFuture<>();
        CompletableFuture<LockoutPolicy> running = reading.putIfAbsent(key, mine);
        if (running != null) return joined(running);
        try {
            LockoutPolicy policy = read.get();
            mine.complete(policy);
            return policy;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            reading.remove(key, mine);
        }
    }

    private static LockoutPolicy joined(CompletableFuture<LockoutPolicy> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
