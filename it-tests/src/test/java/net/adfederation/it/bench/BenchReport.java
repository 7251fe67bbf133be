package net.adfederation.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import net.adfederation.it.bench.SideBySide.Measured;
import net.adfederation.it.bench.SignInLoad.Flow;

/**
 * The benchmark's report: the side-by-side tables (one per flow, the built-in provider as 1.00x)
 * and the failover run, written as Markdown (sign-in-benchmark.md) and as plain text with aligned
 * columns (sign-in-benchmark.txt) under target/.
 */
public final class BenchReport {

    private final List<String> header = new ArrayList<>();
    private final List<Object> sections = new ArrayList<>();

    public void line(String text) {
        header.add(text);
    }

    public void sideBySide(List<Measured> measured) {
        sections.add(List.copyOf(measured));
    }

    /** A heading above the sections that follow (the number of clients of a run). */
    public void heading(String text) {
        sections.add(text);
    }

    public void failover(FailoverRun.Result result, String realm, int clients) {
        sections.add(new FailoverSection(result, realm, clients));
    }

    private record FailoverSection(FailoverRun.Result result, String realm, int clients) {
    }

    /** Writes both files and returns the Markdown. */
    public String write() throws IOException {
        String markdown = render(true);
        Path dir = Path.of("target");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sign-in-benchmark.md"), markdown);
        Files.writeString(dir.resolve("sign-in-benchmark.txt"), render(false));
        return markdown;
    }

    private String render(boolean markdown) {
        StringBuilder out = new StringBuilder();
        out.append(markdown ? "# Sign-in benchmark, side by side\n\n" : "Sign-in benchmark, side by side\n\n");
        out.append("Run ").append(LocalDate.now()).append(", Keycloak 26.7.0 with our JAR, ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores; the test framework's development mode, with themes and templates cached as in production.\n");
        header.forEach(h -> out.append(h).append('\n'));
        for (Object section : sections) {
            out.append('\n');
            if (section instanceof String heading) out.append(markdown ? "**" + heading + "**" : heading).append('\n');
            else if (section instanceof FailoverSection f) failover(out, f, markdown);
            else sideBySide(out, castMeasured(section), markdown);
        }
        return out.toString();
    }

    /** Each round's rate against the first row's (the built-in) in the same round, and their median: the spread of the ratio. */
    private static String perRoundRatios(Measured m, Measured builtIn) {
        List<Double> ratios = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(m.rounds().size(), builtIn.rounds().size()); i++) {
            double base = builtIn.rounds().get(i).perSecond();
            if (base > 0) ratios.add(m.rounds().get(i).perSecond() / base);
        }
        if (ratios.isEmpty()) return "-";
        List<Double> sorted = ratios.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(" / "))
                + String.format(Locale.ROOT, " (%.2fx)", median);
    }

    @SuppressWarnings("unchecked")
    private static List<Measured> castMeasured(Object section) {
        return (List<Measured>) section;
    }

    private static void sideBySide(StringBuilder out, List<Measured> measured, boolean markdown) {
        for (Flow flow : Flow.values()) {
            List<Measured> rows = measured.stream().filter(m -> m.flow() == flow).toList();
            if (rows.isEmpty()) continue;
            Measured first = rows.get(0);
            double builtIn = first.pooled().perSecond();
            out.append(markdown ? "## " : "").append(flow.label()).append("\n\n");
            Table table = new Table("realm", "req/s", "p50 ms", "p99 ms", "errors", "sign-ins",
                    "LDAP ops/sign-in", "binds", "searches", "vs built-in", "req/s per round", "vs built-in per round (median)");
            for (Measured m : rows) {
                LoadSummary p = m.pooled();
                table.row(m.target().label(), f1(p.perSecond()), f0(p.p50Ms()), f0(p.p99Ms()), String.valueOf(p.errors()),
                        String.valueOf(p.signIns()), f2(m.ldapPerSignIn()), f2(m.perSignIn(m.ldap().binds())),
                        f2(m.perSignIn(m.ldap().searches())),
                        builtIn == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", p.perSecond() / builtIn),
                        m.rounds().stream().map(r -> f1(r.perSecond())).collect(Collectors.joining(" / ")),
                        perRoundRatios(m, first));
            }
            out.append(table.render(markdown)).append('\n');
            rows.stream().filter(m -> m.pooled().firstError() != null).forEach(m -> out.append("first error in ")
                    .append(m.target().realm()).append(": ").append(m.pooled().firstError()).append('\n'));
        }
    }

    private static void failover(StringBuilder out, FailoverSection section, boolean markdown) {
        FailoverRun.Result r = section.result();
        out.append(markdown ? "## " : "").append("A DC stops under load\n\n");
        out.append(String.format(Locale.ROOT, "Realm %s (two DCs, both relays in front of the same directory), direct grant,"
                        + " %d clients for %d s; the first DC stops at %d s (connections dropped, new ones refused)"
                        + " and returns at %d s.%n%n", section.realm(), section.clients(), r.length().toSeconds(),
                r.stopAt().toSeconds(), r.returnAt().toSeconds()));
        Table table = new Table("what", "value");
        table.row("sign-ins / failed", r.all().signIns() + " / " + r.all().errors());
        table.row("failed in the first second after the stop", String.valueOf(r.failedInFirstSecond()));
        table.row("failed after the first second (bar: 0)", String.valueOf(r.failedAfterFirstSecond()));
        table.row("whole run: req/s, p50, p99, max ms", f1(r.all().perSecond()) + ", " + f0(r.all().p50Ms()) + ", "
                + f0(r.all().p99Ms()) + ", " + f0(r.all().maxMs()));
        table.row("while the DC was down: req/s, p50, p99, max ms", f1(r.outage().perSecond()) + ", "
                + f0(r.outage().p50Ms()) + ", " + f0(r.outage().p99Ms()) + ", " + f0(r.outage().maxMs()));
        table.row("connections tried at the stopped DC while down", String.valueOf(r.triesAtStoppedDc()));
        table.row("LDAP requests at the second DC while the first was down", String.valueOf(r.dc2DuringOutage()));
        table.row("LDAP requests at the first DC after it returned", String.valueOf(r.dc1AfterReturn()));
        table.row("first DC answering again at", r.dc1BackAt() == null ? "not within the run"
                : String.format(Locale.ROOT, "%.1f s", r.dc1BackAt()));
        out.append(table.render(markdown));
        if (!r.failures().isEmpty()) out.append("\nfailures (the first ").append(r.failures().size()).append("): ")
                .append(String.join("; ", r.failures())).append('\n');
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A table rendered as Markdown or as aligned plain text. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        Table(String... headings) {
            rows.add(headings);
        }

        void row(String... cells) {
            rows.add(cells);
        }

        String render(boolean markdown) {
            StringBuilder out = new StringBuilder();
            if (markdown) {
                out.append(mdRow(rows.get(0)));
                out.append(mdRow(java.util.Collections.nCopies(rows.get(0).length, "---").toArray(String[]::new)));
                rows.stream().skip(1).forEach(r -> out.append(mdRow(r)));
                return out.toString();
            }
            List<String[]> plain = rows.stream()
                    .map(r -> java.util.Arrays.stream(r).map(c -> c.replace("`", "")).toArray(String[]::new)).toList();
            int[] widths = new int[rows.get(0).length];
            for (String[] row : plain) {
                for (int i = 0; i < row.length; i++) widths[i] = Math.max(widths[i], row[i].length());
            }
            for (String[] row : plain) {
                for (int i = 0; i < row.length; i++) {
                    out.append(String.format("%-" + widths[i] + "s", row[i])).append(i < row.length - 1 ? "  " : "");
                }
                out.append('\n');
            }
            return out.toString();
        }

        private static String mdRow(String[] cells) {
            return "| " + String.join(" | ", cells) + " |\n";
        }
    }
}
