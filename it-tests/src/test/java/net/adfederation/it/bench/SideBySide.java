package net.adfederation.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import net.adfederation.embeddedad.OperationCounts;
import net.adfederation.embeddedad.TcpRelay;
import net.adfederation.it.bench.SignInLoad.Flow;
import net.adfederation.it.bench.SignInLoad.SignIn;
import net.adfederation.it.bench.SignInLoad.Target;

/**
 * Realms measured one after the other, interleaved: in each round every realm runs each flow
 * once, and the realms' order rotates from round to round, so a slow minute of the machine is
 * spread over all of them. The DC (a counting relay all realms share) gives the LDAP requests
 * of each run; only one realm signs in at a time, so they are that realm's.
 */
public final class SideBySide {

    /** A realm and a flow over every round: per-round figures, all rounds pooled, LDAP requests in all. */
    public record Measured(Target target, Flow flow, List<LoadSummary> rounds, LoadSummary pooled, OperationCounts ldap) {
        public double ldapPerSignIn() {
            return pooled.successes() == 0 ? 0 : (double) ldap.total() / pooled.successes();
        }

        public double perSignIn(long count) {
            return pooled.successes() == 0 ? 0 : (double) count / pooled.successes();
        }
    }

    private final SignInLoad load;
    private final TcpRelay dc;
    private final Consumer<Target> afterEachRun;

    /** {@code afterEachRun}: housekeeping between runs (not timed), such as ending the sessions made. */
    public SideBySide(SignInLoad load, TcpRelay dc, Consumer<Target> afterEachRun) {
        this.load = load;
        this.dc = dc;
        this.afterEachRun = afterEachRun;
    }

    public List<Measured> run(List<Target> targets, List<Flow> flows, int rounds, Duration each, Duration warmUp) {
        for (Target target : targets) {
            for (Flow flow : flows) load.run(target, flow, warmUp);
            afterEachRun.accept(target);
        }
        Map<String, List<List<SignIn>>> signIns = new LinkedHashMap<>();
        Map<String, List<OperationCounts>> ldap = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<Target> order = new ArrayList<>(targets);
            Collections.rotate(order, -round);
            for (Target target : order) {
                for (Flow flow : flows) {
                    dc.resetLdapRequests();
                    List<SignIn> run = load.run(target, flow, each);
                    String key = key(target, flow);
                    signIns.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
                    ldap.computeIfAbsent(key, k -> new ArrayList<>()).add(dc.ldapRequests());
                }
                afterEachRun.accept(target);
            }
        }
        List<Measured> measured = new ArrayList<>();
        for (Target target : targets) {
            for (Flow flow : flows) {
                String key = key(target, flow);
                measured.add(measure(target, flow, signIns.get(key), ldap.get(key)));
            }
        }
        return measured;
    }

    private static Measured measure(Target target, Flow flow, List<List<SignIn>> runs, List<OperationCounts> ldap) {
        List<LoadSummary> rounds = runs.stream().map(LoadSummary::of).toList();
        List<SignIn> all = runs.stream().flatMap(List::stream).toList();
        long wall = Math.round(rounds.stream().mapToDouble(LoadSummary::wallSeconds).sum() * 1e9);
        return new Measured(target, flow, rounds, LoadSummary.of(all, wall), sum(ldap));
    }

    private static OperationCounts sum(List<OperationCounts> counts) {
        return new OperationCounts(counts.stream().mapToLong(OperationCounts::binds).sum(),
                counts.stream().mapToLong(OperationCounts::searches).sum(),
                counts.stream().mapToLong(OperationCounts::modifies).sum(),
                counts.stream().mapToLong(OperationCounts::adds).sum(),
                counts.stream().mapToLong(OperationCounts::deletes).sum(),
                counts.stream().mapToLong(OperationCounts::others).sum());
    }

    private static String key(Target target, Flow flow) {
        return target.realm() + "/" + flow;
    }
}
