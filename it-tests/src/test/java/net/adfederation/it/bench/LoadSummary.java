package net.adfederation.it.bench;

import java.util.List;
import java.util.Objects;

/**
 * What a set of sign-ins amounts to: successful sign-ins per second over the wall time they
 * took, latency percentiles (of all sign-ins, failed ones included), errors and the first error.
 */
public record LoadSummary(int signIns, int errors, double wallSeconds, double perSecond, double p50Ms, double p99Ms,
                          double maxMs, String firstError) {

    /** {@code wallNanos}: from the start of the run to the end of its last sign-in. */
    public static LoadSummary of(List<SignInLoad.SignIn> signIns, long wallNanos) {
        long[] latencies = signIns.stream().mapToLong(SignInLoad.SignIn::latencyNanos).sorted().toArray();
        int errors = (int) signIns.stream().filter(s -> !s.ok()).count();
        double wall = wallNanos / 1e9;
        String first = signIns.stream().map(SignInLoad.SignIn::error).filter(Objects::nonNull).findFirst().orElse(null);
        return new LoadSummary(signIns.size(), errors, wall, wall == 0 ? 0 : (signIns.size() - errors) / wall,
                percentileMs(latencies, 50), percentileMs(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, first);
    }

    /** Summary of one run, timed from its start to the end of its last sign-in. */
    public static LoadSummary of(List<SignInLoad.SignIn> signIns) {
        return of(signIns, signIns.stream().mapToLong(SignInLoad.SignIn::endNanos).max().orElse(0));
    }

    /** Nearest-rank percentile. */
    static double percentileMs(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) return 0;
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    public int successes() {
        return signIns - errors;
    }
}
