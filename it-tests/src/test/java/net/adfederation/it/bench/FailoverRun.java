package net.adfederation.it.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.bench.SignInLoad.Flow;
import net.adfederation.it.bench.SignInLoad.SignIn;
import net.adfederation.it.bench.SignInLoad.Target;

/**
 * A load run against a realm whose domain has two DCs, the first of which stops in the middle
 * (its relay drops every connection and refuses new ones) and comes back later. Watches both
 * DCs meanwhile: which one answers, how often the stopped one was tried, when the first is used
 * again.
 */
public final class FailoverRun {

    /**
     * What happened. Times in seconds from the start of the run.
     *
     * @param all                    every sign-in of the run
     * @param outage                 the sign-ins started while the first DC was down
     * @param failedInFirstSecond    failed sign-ins started within a second of the stop
     * @param failedAfterFirstSecond failed sign-ins started later than that (the bar: none)
     * @param failures               the first few failures: when each started and why
     * @param triesAtStoppedDc       connections attempted at the first DC while it was down
     * @param dc2DuringOutage        LDAP requests the second DC answered while the first was down
     * @param dc1AfterReturn         LDAP requests the first DC answered after it came back
     * @param dc1BackAt              when the first DC answered a request again (null: not in this run)
     */
    public record Result(Duration length, Duration stopAt, Duration returnAt, LoadSummary all, LoadSummary outage,
                         int failedInFirstSecond, int failedAfterFirstSecond, List<String> failures,
                         int triesAtStoppedDc, long dc2DuringOutage, long dc1AfterReturn, Double dc1BackAt) {
    }

    private FailoverRun() {
    }

    public static Result run(SignInLoad load, Target target, TcpRelay dc1, TcpRelay dc2, Duration length,
                             Duration stopAt, Duration returnAt) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        CompletableFuture<List<SignIn>> running = CompletableFuture.supplyAsync(
                () -> load.run(target, Flow.DIRECT_GRANT, length, t0));

        sleepUntil(t0, stopAt);
        int acceptedAtStop = dc1.acceptedConnections();
        long dc2AtStop = dc2.ldapRequests().total();
        dc1.cutOff();

        sleepUntil(t0, returnAt);
        int triesAtStoppedDc = dc1.acceptedConnections() - acceptedAtStop;
        long dc2DuringOutage = dc2.ldapRequests().total() - dc2AtStop;
        long dc1AtReturn = dc1.ldapRequests().total();
        dc1.restore();

        Double backAt = null;
        while (!running.isDone()) {
            if (backAt == null && dc1.ldapRequests().total() > dc1AtReturn) backAt = (System.nanoTime() - t0) / 1e9;
            // Polled: the relay has no event to wait on, and a fifth of a second is fine enough here.
            Thread.sleep(200);
        }
        List<SignIn> signIns = running.join();

        long stop = stopAt.toNanos();
        long oneSecondLater = stop + Duration.ofSeconds(1).toNanos();
        List<SignIn> outage = signIns.stream().filter(s -> s.startNanos() >= stop && s.startNanos() < returnAt.toNanos()).toList();
        int failedInFirstSecond = (int) signIns.stream()
                .filter(s -> !s.ok() && s.startNanos() >= stop && s.startNanos() < oneSecondLater).count();
        int failedAfter = (int) signIns.stream().filter(s -> !s.ok() && s.startNanos() >= oneSecondLater).count();
        List<String> failures = signIns.stream().filter(s -> !s.ok()).sorted(Comparator.comparingLong(SignIn::startNanos))
                .limit(5).map(s -> String.format(Locale.ROOT, "at %.2f s: %s", s.startNanos() / 1e9, s.error())).toList();
        long outageWall = Math.min(returnAt.toNanos(), length.toNanos()) - stop;
        return new Result(length, stopAt, returnAt, LoadSummary.of(signIns), LoadSummary.of(outage, outageWall),
                failedInFirstSecond, failedAfter, failures, triesAtStoppedDc, dc2DuringOutage,
                dc1.ldapRequests().total() - dc1AtReturn, backAt);
    }

    private static void sleepUntil(long t0, Duration offset) throws InterruptedException {
        long wait = t0 + offset.toNanos() - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
}
