package asyncbench.report;

import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import asyncbench.catalog.Catalog;
import asyncbench.stats.Decision;
import asyncbench.stats.Decisions;
import asyncbench.stats.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Two runs side by side, cell by cell: the headline of run B against run A as a ratio with its 95%
 * interval over the two cells' JVMs ({@link Decision}), oriented in the headline's sense (above 1: B is
 * better, whichever way the figure points), and its verdict: better, worse, the same within 10%, or
 * undecided. Useful for JDK 21 against 25, G1 against ZGC, one machine against another, or a change of
 * the lab in CI; differences of machine and JDK between the runs are named first.
 */
public final class RunComparison {
    /** How B's figure stands against A's. */
    public enum Change {
        BETTER("better"), WORSE("worse"), SAME("same within 10%"), UNDECIDED("undecided");

        private final String words;

        Change(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One cell measured in both runs. */
    public record Row(String experiment, String model, String point, Metric a, Metric b, Decision decision, Change change) {
        /** Whether the change is larger than the noise, either way. */
        public boolean changed() {
            return change == Change.BETTER || change == Change.WORSE;
        }
    }

    /** The compared cells, what differs between the runs' machines and JDKs, and the cells only one run has. */
    public record Result(String runA, String runB, List<Row> rows, List<String> differences, int onlyInA, int onlyInB,
            Agreement agreement) {
        public long count(Change change) {
            return rows.stream().filter(r -> r.change() == change).count();
        }
    }

    /**
     * How the two runs' own verdicts agree: each model against its experiment's first model at each point,
     * decided in each run on its own, then set side by side: the same answer tomorrow is what a verdict is for.
     *
     * @param flipped the contrasts called better in one run and worse in the other
     */
    public record Agreement(int inBoth, int decidedInA, int decidedInB, int decidedInBoth, int sameVerdict, List<String> flipped) {

        static Agreement of(List<Decision> a, List<Decision> b) {
            Map<String, Decision> byKey = new LinkedHashMap<>();
            a.forEach(d -> byKey.put(key(d), d));
            int both = 0;
            int decidedA = 0;
            int decidedB = 0;
            int decidedBoth = 0;
            int same = 0;
            List<String> flipped = new ArrayList<>();
            for (Decision db : b) {
                Decision da = byKey.get(key(db));
                if (da == null || da.verdict() == Verdict.NO_CONTEST || db.verdict() == Verdict.NO_CONTEST) {
                    continue;
                }
                both++;
                decidedA += da.verdict().decided() ? 1 : 0;
                decidedB += db.verdict().decided() ? 1 : 0;
                if (da.verdict().decided() && db.verdict().decided()) {
                    decidedBoth++;
                    same += da.verdict() == db.verdict() ? 1 : 0;
                    if (da.verdict() != db.verdict() && da.verdict() != Verdict.SAME && db.verdict() != Verdict.SAME) {
                        flipped.add(db.experiment() + ": " + db.model() + " vs " + db.baseline()
                                + (db.point().isEmpty() ? "" : " at " + db.where()) + ": " + da.figure() + " in A, " + db.figure() + " in B");
                    }
                }
            }
            return new Agreement(both, decidedA, decidedB, decidedBoth, same, List.copyOf(flipped));
        }

        private static String key(Decision d) {
            return d.experiment() + " " + d.model() + " " + d.baseline() + " " + d.where();
        }

        /** One sentence. */
        public String sentence() {
            return "verdicts against each experiment's first model: " + inBoth + " contrasts in both runs; decided in A "
                    + decidedInA + percent(decidedInA, inBoth) + ", in B " + decidedInB + percent(decidedInB, inBoth) + "; of the "
                    + decidedInBoth + " decided in both, " + sameVerdict + percent(sameVerdict, decidedInBoth)
                    + " got the same verdict; " + flipped.size() + " flipped between better and worse";
        }

        private static String percent(int part, int whole) {
            return whole == 0 ? "" : String.format(java.util.Locale.ROOT, " (%.0f%%)", 100.0 * part / whole);
        }
    }

    private RunComparison() {
    }

    public static Result compare(Path runA, Path runB, Catalog catalog) throws IOException {
        List<CellResult> a = ResultsFile.latest(ResultsFile.read(runA.resolve(ResultsFile.NAME)).results());
        List<CellResult> b = ResultsFile.latest(ResultsFile.read(runB.resolve(ResultsFile.NAME)).results());
        Map<String, CellResult> byKeyA = a.stream().collect(Collectors.toMap(CellResult::key, c -> c, (x, y) -> y, LinkedHashMap::new));
        Map<String, CellResult> byKeyB = b.stream().collect(Collectors.toMap(CellResult::key, c -> c, (x, y) -> y, LinkedHashMap::new));
        List<Row> rows = new ArrayList<>();
        for (Experiment experiment : catalog.experiments()) {
            String metric = experiment.spec().headline().metric();
            for (CellResult ca : byKeyA.values()) {
                CellResult cb = byKeyB.get(ca.key());
                if (!ca.experiment().equals(experiment.name()) || cb == null) {
                    continue;
                }
                Optional<Metric> ma = measured(ca, metric);
                Optional<Metric> mb = measured(cb, metric);
                if (ma.isEmpty() || mb.isEmpty()) {
                    continue;
                }
                Decision d = Decisions.pair(experiment, ca.params(), Optional.of(ca), Optional.of(cb));
                rows.add(new Row(experiment.name(), ca.model(), point(experiment, ca.params()), ma.get(), mb.get(), d, change(d)));
            }
        }
        int onlyA = (int) byKeyA.keySet().stream().filter(k -> !byKeyB.containsKey(k)).count();
        int onlyB = (int) byKeyB.keySet().stream().filter(k -> !byKeyA.containsKey(k)).count();
        List<Decision> decisionsA = new ArrayList<>();
        List<Decision> decisionsB = new ArrayList<>();
        for (Experiment experiment : catalog.experiments()) {
            decisionsA.addAll(Decisions.headline(experiment, a.stream().filter(c -> c.experiment().equals(experiment.name())).toList()));
            decisionsB.addAll(Decisions.headline(experiment, b.stream().filter(c -> c.experiment().equals(experiment.name())).toList()));
        }
        return new Result(runA.getFileName().toString(), runB.getFileName().toString(), rows, differences(a, b), onlyA, onlyB,
                Agreement.of(decisionsA, decisionsB));
    }

    private static Optional<Metric> measured(CellResult c, String metric) {
        return c.status() == Status.OK ? c.metric(metric).filter(m -> !Double.isNaN(m.value())) : Optional.empty();
    }

    /** B's verdict against A. */
    static Change change(Decision d) {
        return switch (d.verdict()) {
            case BETTER -> Change.BETTER;
            case WORSE -> Change.WORSE;
            case SAME -> Change.SAME;
            case UNDECIDED, NO_CONTEST -> Change.UNDECIDED;
        };
    }

    private static String point(Experiment experiment, Point params) {
        return params.values().entrySet().stream()
                .map(e -> e.getKey() + "=" + ExperimentResults.value(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    /** What the two runs' machines, JDKs and collectors differ in, as sentences; empty when nothing does. */
    private static List<String> differences(List<CellResult> a, List<CellResult> b) {
        List<String> notes = new ArrayList<>();
        Optional<CellResult> first = a.stream().filter(c -> c.host() != null).findFirst();
        Optional<CellResult> second = b.stream().filter(c -> c.host() != null).findFirst();
        if (first.isPresent() && second.isPresent()) {
            for (String key : List.of("cpu", "cores", "memTotalBytes", "os")) {
                Object x = first.get().host().get(key);
                Object y = second.get().host().get(key);
                if (!Objects.equals(x, y)) {
                    notes.add("different machines: " + key + " " + x + " in A, " + y + " in B; the change includes the machine");
                }
            }
        }
        Optional<CellResult> jvmA = a.stream().filter(c -> c.jvm() != null).findFirst();
        Optional<CellResult> jvmB = b.stream().filter(c -> c.jvm() != null).findFirst();
        if (jvmA.isPresent() && jvmB.isPresent() && !jvmA.get().jvm().version().equals(jvmB.get().jvm().version())) {
            notes.add("different JDKs: " + jvmA.get().jvm().version() + " in A, " + jvmB.get().jvm().version() + " in B");
        }
        if (jvmA.isPresent() && jvmB.isPresent() && !jvmA.get().jvm().gcs().equals(jvmB.get().jvm().gcs())) {
            notes.add("different collectors: " + String.join(" + ", jvmA.get().jvm().gcs()) + " in A, "
                    + String.join(" + ", jvmB.get().jvm().gcs()) + " in B");
        }
        return notes;
    }

    /** The comparison as a Markdown page: the differences, the counts, then one table row per cell. */
    public static String markdown(Result r) {
        StringBuilder md = new StringBuilder("# asyncbench: run ").append(r.runB()).append(" against run ").append(r.runA()).append("\n\n");
        r.differences().forEach(d -> md.append("- ").append(d).append('\n'));
        md.append("- ").append(summary(r)).append('\n');
        md.append("- ").append(r.agreement().sentence()).append("\n\n");
        r.agreement().flipped().forEach(f -> md.append("- flipped: ").append(f).append('\n'));
        md.append("Each cell's headline, B against A as a ratio with its 95% interval over the two cells' JVMs (above x1: B is better, "
                + "whichever way the figure points): better or worse where the interval excludes 1, the same where it lies inside [0.9, 1.1], "
                + "undecided otherwise (docs/statistics.md).\n\n");
        List<Row> changed = r.rows().stream().filter(Row::changed).toList();
        if (!changed.isEmpty()) {
            md.append("## Cells that changed clearly\n\n");
            table(md, changed);
            md.append("\n## Every cell\n\n");
        }
        table(md, r.rows());
        return md.toString();
    }

    private static void table(StringBuilder md, List<Row> rows) {
        md.append("| experiment | model | point | A | B | B against A | change |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.experiment()).append(" | ").append(row.model()).append(" | ").append(row.point())
                    .append(" | ").append(figure(row.a())).append(" | ").append(figure(row.b())).append(" | ")
                    .append(row.decision().figure()).append(" | ")
                    .append(row.changed() ? "**" + row.change().words() + "**" : row.change().words())
                    .append(" |\n");
        }
    }

    /** One sentence: how many cells got better, worse, or did not clearly change. */
    public static String summary(Result r) {
        return r.rows().size() + " cells in both runs: B better in " + r.count(Change.BETTER) + ", worse in " + r.count(Change.WORSE)
                + ", the same within 10% in " + r.count(Change.SAME) + ", undecided in " + r.count(Change.UNDECIDED)
                + "; " + r.onlyInA() + " cells only in A, " + r.onlyInB() + " only in B";
    }

    /** The terminal's table: fixed-width columns; every cell, or only those that changed clearly. */
    public static String terminal(Result r, boolean all) {
        StringBuilder out = new StringBuilder();
        r.differences().forEach(d -> out.append("Note: ").append(d).append('\n'));
        int wExp = Math.max(10, r.rows().stream().mapToInt(x -> x.experiment().length()).max().orElse(0));
        int wModel = Math.max(5, r.rows().stream().mapToInt(x -> x.model().length()).max().orElse(0));
        int wPoint = Math.max(5, r.rows().stream().mapToInt(x -> x.point().length()).max().orElse(0));
        String format = "%-" + wExp + "s  %-" + wModel + "s  %-" + wPoint + "s  %12s  %12s  %-24s  %s%n";
        out.append(String.format(java.util.Locale.ROOT, format, "experiment", "model", "point", "A", "B", "B against A", "change"));
        for (Row row : all ? r.rows() : r.rows().stream().filter(Row::changed).toList()) {
            out.append(String.format(java.util.Locale.ROOT, format, row.experiment(), row.model(), row.point(),
                    Units.scaled(row.a().value()), Units.scaled(row.b().value()), row.decision().figure(),
                    row.changed() ? "<- " + row.change().words() : row.change().words()));
        }
        out.append(summary(r)).append('\n');
        out.append(r.agreement().sentence()).append('\n');
        r.agreement().flipped().forEach(f -> out.append("  flipped: ").append(f).append('\n'));
        return out.toString();
    }

    private static String figure(Metric m) {
        return Units.number(m.value(), m.unit()) + (m.error() == null ? "" : " ± " + Units.number(m.error(), m.unit()));
    }

    /** Writes {@code compare-<A>.md} and {@code .html} into run B's directory and returns the Markdown path. */
    public static Path write(Result r, Path runB) throws IOException {
        String md = markdown(r);
        Path file = ReportFiles.writeString(runB, "compare-" + r.runA() + ".md", md);
        ReportFiles.writeString(runB, "compare-" + r.runA() + ".html",
                Html.page("asyncbench: run " + r.runB() + " against " + r.runA(), md, runB));
        return file;
    }
}
