package net.adfederation.directory.read;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The lockout policies one domain's {@link LockoutGuard} applies: the domain's and each password
 * settings object's, each read at most once per {@link #KEEP} (an admin's change reaches the guard
 * within that time). Sign-ins that find a policy missing or expired at the same moment wait for one
 * read instead of each sending their own: under concurrent sign-ins of one account the guard needs
 * the policy on nearly every attempt. An outage is thrown and nothing is kept.
 */
final class LockoutPolicies {

    static final Duration KEEP = Duration.ofSeconds(60);
    /** PSOs are few in any domain; the bound only keeps a misbehaving DC from growing the map. */
    static final int MAX_KEPT = 1_000;
    private static final String DOMAIN = "";

    private record Kept(LockoutPolicy policy, long until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Supplier<LockoutPolicy> readDomain;
    private final Function<String, LockoutPolicy> readPso;
    private final LongSupplier clock;

    LockoutPolicies(Supplier<LockoutPolicy> readDomain, Function<String, LockoutPolicy> readPso, LongSupplier clock) {
        this.readDomain = readDomain;
        this.readPso = readPso;
        this.clock = clock;
    }

    LockoutPolicy domain() {
        return kept(DOMAIN, readDomain);
    }

    /**
     * The policy of the PSO named by an account's msDS-ResultantPSO. One the service account cannot
     * read is no reason to be laxer than the domain: the stricter of the assumed policy and the
     * domain's applies.
     */
    LockoutPolicy pso(String dn) {
        LockoutPolicy pso = kept(dn.trim().toLowerCase(Locale.ROOT), () -> readPso.apply(dn));
        return pso.isAssumed() ? pso.stricterOf(domain()) : pso;
    }

    private LockoutPolicy kept(String key, Supplier<LockoutPolicy> read) {
        Kept known = kept.get(key);
        if (known != null && known.until() > clock.getAsLong()) return known.policy();
        synchronized (this) {
            known = kept.get(key);
            long now = clock.getAsLong();
            if (known != null && known.until() > now) return known.policy();
            LockoutPolicy policy = read.get();
            if (kept.size() >= MAX_KEPT) kept.clear();
            kept.put(key, new Kept(policy, now + KEEP.toMillis()));
            return policy;
        }
    }
}
