package net.adfederation.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.DirectoryRight;
import net.adfederation.it.support.TrustRealms;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * Runs the same synchronisation work through Keycloak's LDAP provider and through ad-trust against
 * one {@link SyncBenchDirectory} and keeps, for each, the time, the LDAP operations the directory counted and
 * Keycloak's largest heap after a collection ({@link GcLog}); {@link #table} writes them side by
 * side with the ratio. The built-in provider may be left out (null realm) for runs too large for it.
 */
public final class SyncBenchmark implements AutoCloseable {

    /** One sync as measured. */
    public record Run(Duration took, long ldapOperations, GcLog.Peak heap, SynchronizationResultRepresentation result) {
    }

    /** One line of the table; {@code builtIn} is null where the built-in provider was not run. */
    public record Row(String work, Run builtIn, Run trust, String note) {
    }

    private final SyncBenchDirectory directory;
    private final Keycloak admin;
    private final String trustRealm;
    private final BuiltInLdap builtIn;
    private final List<Row> rows = new ArrayList<>();
    private final int repeats;
    private int round;

    /**
     * @param ldapRealm the realm for Keycloak's LDAP provider, or null to leave it out
     * @param repeats   how often each changed sync is measured (fresh edits each time); the table has the median
     */
    public SyncBenchmark(SyncBenchDirectory directory, Keycloak admin, String trustRealm, String ldapRealm, int repeats) {
        this.directory = directory;
        this.repeats = repeats;
        this.admin = admin;
        this.trustRealm = trustRealm;
        this.builtIn = ldapRealm == null ? null : BuiltInLdap.create(admin, ldapRealm, directory.ldapUrl(),
                directory.baseDn(), directory.groupsDn(), "svc-keycloak@corp.example.test", "Passw0rd!Svc1");
    }

    /** Groups then users for the built-in (its group sync is a mapper action of its own); one full sync for ad-trust. */
    public Row firstFullSync() {
        return fullSyncs("first full sync (groups + users)");
    }

    public Row unchangedFullSync() {
        return fullSyncs("full sync, nothing changed");
    }

    /**
     * 5 mail changes, 3 new users and 2 deletions, then a changed sync. With rights granted, ad-trust
     * first runs an unmeasured changed sync, so that its cursor holds what the rights allow (a DirSync cookie).
     */
    public Row changedSyncAfterTenEdits(String rights, List<DirectoryRight> granted) {
        granted.forEach(right -> directory.rights().grant(right, "svc-keycloak"));
        try {
            if (!granted.isEmpty()) TrustRealms.changedSync(admin, trustRealm);
            List<Run> ldap = new ArrayList<>();
            List<Run> trust = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                tenEdits(++round);
                if (builtIn != null && granted.isEmpty()) ldap.add(measure(builtIn::changedSync));
                trust.add(measure(() -> TrustRealms.changedSync(admin, trustRealm)));
            }
            String note = Stream.of(spread(ldap, trust), ldap.isEmpty() ? "" : "the built-in provider does not see the 2 deletions")
                    .filter(part -> !part.isEmpty()).collect(Collectors.joining("; "));
            return add(new Row("changed sync after 10 edits, " + rights, median(ldap), median(trust), note));
        } finally {
            granted.forEach(right -> directory.rights().revoke(right, "svc-keycloak"));
        }
    }

    public Row changedSyncWithNothingChanged() {
        List<Run> ldap = new ArrayList<>();
        List<Run> trust = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            if (builtIn != null) ldap.add(measure(builtIn::changedSync));
            trust.add(measure(() -> TrustRealms.changedSync(admin, trustRealm)));
        }
        return add(new Row("changed sync, nothing changed, default rights", median(ldap), median(trust), spread(ldap, trust)));
    }

    /** The run of median time (a real run: its operations and result are its own); null for none. */
    private static Run median(List<Run> runs) {
        if (runs.isEmpty()) return null;
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(Run::took));
        return sorted.get(sorted.size() / 2);
    }

    /** Every time of a repeated row, so a reader sees how much one machine's noise moves them. */
    private static String spread(List<Run> ldap, List<Run> trust) {
        if (trust.size() < 2) return "";
        String each = trust.stream().map(run -> seconds(run.took())).collect(Collectors.joining(", "));
        String builtIn = ldap.isEmpty() ? "" : "; built-in: " + ldap.stream().map(run -> seconds(run.took()))
                .collect(Collectors.joining(", "));
        return "median of " + trust.size() + " (ad-trust: " + each + builtIn + ")";
    }

    /** Whether the test server runs on PostgreSQL (-Dadfed.database=postgres) rather than H2. */
    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("adfed.database"));
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, """
                # Sync benchmark: Keycloak's LDAP provider and ad-trust, side by side, on %s

                One Keycloak 26.7.0 (the distribution, -Xmx512m as kc.sh sets it, %s) and %s (plus
                the seeded accounts; the first bulk group holds a third of the users, so its members are read in
                ranges), on this machine. Ratio: built-in time divided by ad-trust time. Heap: the largest heap
                Keycloak kept after a collection during the work (from its GC log). LDAP operations: "-1" where
                the directory does not count them.

                | work | built-in LDAP | ad-trust | ratio | LDAP operations (built-in / ad-trust) | heap after GC (built-in / ad-trust) | ad-trust result | note |
                | --- | --- | --- | --- | --- | --- | --- | --- |
                """, onPostgres() ? "PostgreSQL" : "H2", onPostgres() ? "PostgreSQL 15 on loopback" : "dev-file H2",
                directory.description()));
        for (Row row : rows) {
            Run b = row.builtIn();
            Run t = row.trust();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s / %d | %s / %s | %s | %s |%n", row.work(),
                    b == null ? "-" : seconds(b.took()), seconds(t.took()),
                    b == null || b.result().getFailed() == -1 ? "-" : String.format(Locale.ROOT, "%.1fx", ratio(b.took(), t.took())),
                    b == null ? "-" : Long.toString(b.ldapOperations()), t.ldapOperations(),
                    b == null ? "-" : b.heap(), t.heap(), t.result().getStatus(), noteWithRefusal(row)));
        }
        return out.toString();
    }

    /** Removes the built-in's realm and the users the edits created. */
    @Override
    public void close() {
        if (builtIn != null) builtIn.remove();
        for (int r = 1; r <= round; r++) {
            for (int i = 1; i <= 3; i++) {
                try {
                    directory.admin().deleteUser("bench-" + r + "-" + i);
                } catch (RuntimeException alreadyGone) {
                    // Nothing to clean up.
                }
            }
        }
    }

    private Row fullSyncs(String work) {
        Run groups = builtIn == null ? null : measure(builtIn::syncGroups);
        Run users = builtIn == null ? null : measure(builtIn::fullSync);
        Run ldap = builtIn == null ? null : new Run(groups.took().plus(users.took()),
                groups.ldapOperations() + users.ldapOperations(), larger(groups.heap(), users.heap()),
                groups.result().getFailed() == -1 ? groups.result() : users.result());
        Run trust = measure(() -> TrustRealms.fullSync(admin, trustRealm));
        return add(new Row(work, ldap, trust, builtIn == null ? ""
                : "built-in: groups " + seconds(groups.took()) + " + users " + seconds(users.took())));
    }

    /** The row's note, and the built-in's error where Keycloak ended its sync with one. */
    private static String noteWithRefusal(Row row) {
        Run b = row.builtIn();
        if (b == null || b.result().getFailed() != -1) return row.note();
        return (row.note().isEmpty() ? "" : row.note() + "; ") + "built-in " + b.result().getStatus().replace('|', '/');
    }

    private Row add(Row row) {
        rows.add(row);
        return row;
    }

    private Run measure(Supplier<SynchronizationResultRepresentation> sync) {
        directory.resetOperations();
        GcLog.Mark mark = GcLog.mark();
        long started = System.nanoTime();
        SynchronizationResultRepresentation result = sync.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Run(took, directory.operations(), GcLog.since(mark), result);
    }

    /** Round r changes users 10r+1..10r+5, creates three and deletes users 10r+9 and 10r+10. */
    private void tenEdits(int r) {
        DirectoryAdmin corp = directory.admin();
        for (int i = 1; i <= 5; i++) corp.setMail(directory.user(10 * r + i), "changed" + r + "-" + i + "@corp.example.test");
        for (int i = 1; i <= 3; i++) corp.createUser("bench-" + r + "-" + i, "Passw0rd!Bench1", "New", "User" + i, null);
        corp.deleteUser(directory.user(10 * r + 9));
        corp.deleteUser(directory.user(10 * r + 10));
    }

    private static GcLog.Peak larger(GcLog.Peak a, GcLog.Peak b) {
        return a.peakAfterMb() >= b.peakAfterMb() ? new GcLog.Peak(a.collections() + b.collections(), a.peakAfterMb(), a.maxHeapMb())
                : new GcLog.Peak(a.collections() + b.collections(), b.peakAfterMb(), b.maxHeapMb());
    }

    private static double ratio(Duration builtIn, Duration trust) {
        return (double) builtIn.toNanos() / Math.max(1, trust.toNanos());
    }

    private static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.2f s", took.toMillis() / 1000.0);
    }
}
