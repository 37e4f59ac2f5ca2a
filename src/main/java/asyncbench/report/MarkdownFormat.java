package asyncbench.report;

import asyncbench.experiment.calibration.Calibration;
import asyncbench.stats.Decision;
import asyncbench.stats.Decisions;
import asyncbench.stats.Verdict;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Ratio;
import asyncbench.model.Model;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report as Markdown: {@code report.md}, the whole report top to bottom (the winners matrix, then
 * per experiment what it reproduces, its verdicts, tables and pictures), and {@code <experiment>.md},
 * each experiment's headline table alone. Pictures are linked as PNG where one was written, as SVG
 * otherwise, so this format comes after the picture formats.
 */
final class MarkdownFormat implements ResultFormat {
    static final String FILE = "report.md";

    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (RunReport.Section section : report.sections()) {
            files.add(ReportFiles.writeString(dir, section.experiment().name() + ".md", Tables.headline(section.results())));
        }
        files.add(ReportFiles.writeString(dir, FILE, document(report, dir)));
        return files;
    }

    /** The whole report, its pictures linked by file name relative to {@code dir}. */
    static String document(RunReport report, Path dir) {
        StringBuilder md = new StringBuilder("# asyncbench report: run ").append(report.run()).append("\n\n");
        header(md, report.results(), report.unreadableLines());
        Calibration.verdict(report.decisions()).ifPresent(c -> md.append("**").append(c).append("**\n\n"));
        answer(md, report);
        md.append("Contents: ").append(report.sections().stream().map(s -> "[" + s.experiment().name() + "](#" + s.experiment().name() + ")")
                .collect(java.util.stream.Collectors.joining(" · "))).append("\n\n");
        md.append(matrix(report.sections()));
        for (RunReport.Section section : report.sections()) {
            section(md, section, dir);
        }
        return md.toString();
    }

    /** The published claims this run's cells answer (docs/findings.md answers them from the committed runs). */
    private static void answer(StringBuilder md, RunReport report) {
        List<asyncbench.findings.Finding> findings;
        try {
            asyncbench.catalog.Catalog measured = () -> report.sections().stream().map(RunReport.Section::experiment).toList();
            findings = asyncbench.findings.Findings.fromRun(asyncbench.findings.Findings.claims(), report.results(), measured);
        } catch (java.io.IOException e) {
            return;
        }
        if (findings.isEmpty()) {
            return;
        }
        md.append("## The answer in this run\n\n")
                .append("The published claims this run's cells answer, each contrast decided as below (docs/findings.md answers them from the committed runs):\n\n")
                .append(asyncbench.findings.FindingsFormat.inRun(findings)).append('\n');
    }

    private static void section(StringBuilder md, RunReport.Section section, Path dir) {
        Experiment experiment = section.experiment();
        ExperimentResults r = section.results();
        md.append("## ").append(experiment.name()).append("\n\n").append(experiment.spec().description()).append(".\n\n");
        md.append("> **Reproduces**: ").append(experiment.spec().origin().reproduces()).append("\\\n> **Published**: ")
                .append(experiment.spec().origin().published()).append("\n\n");
        if (!section.decisions().isEmpty()) {
            md.append("**Verdicts** (").append(RunReport.totals(section.decisions())).append("):\n\n");
            Decisions.summary(section.decisions()).forEach(line -> md.append("- ").append(line).append('\n'));
            md.append('\n');
        }
        md.append("**Winners** (").append(experiment.spec().headline().metric()).append("): ").append(section.winners().verdict()).append(".\n\n");
        if (!section.causes().isEmpty()) {
            md.append("**What the runtime did where a model is clearly behind** (flight recorder, the cell's first JVM):\n\n");
            section.causes().forEach(c -> md.append("- ").append(c).append('\n'));
            md.append('\n');
        }
        String unit = r.cells.stream().flatMap(c -> c.metric(experiment.spec().headline().metric()).stream())
                .map(m -> m.unit()).findFirst().orElse("");
        md.append("### ").append(experiment.spec().headline().metric()).append(" in ").append(unit).append(" (")
                .append(experiment.spec().headline().higherIsBetter() ? "higher" : "lower").append(" is better)\n\n")
                .append(Tables.headline(r)).append('\n');
        List<String> originals = r.models.stream().filter(id -> asyncbench.model.Model.byId(id).filter(asyncbench.model.Model::external).isPresent())
                .filter(id -> r.cells.stream().anyMatch(c -> c.model().equals(id))).toList();
        if (!originals.isEmpty()) {
            md.append(String.join(", ", originals)).append(originals.size() == 1 ? " is an original" : " are originals")
                    .append(", run as written: the figures are their programs' own, from one invocation per JVM; the lab does not count their work ")
                    .append("(tokens, tasks, I/O calls), which only async-mem-brigade checks itself.\n\n");
        }
        if (experiment.spec().headline().additive() && r.models.size() > 1) {
            md.append("### Overhead over ").append(r.models.getFirst()).append(" (").append(unit)
                    .append(", difference of the means ± their half-widths combined)\n\n").append(Tables.overhead(r)).append('\n');
        }
        if (experiment.spec().ratio().isPresent() && r.params.contains(experiment.spec().ratio().get().param())) {
            Ratio ratio = experiment.spec().ratio().get();
            md.append("### ").append(experiment.spec().headline().metric()).append(", ").append(ratio.title())
                    .append(" (± from the two relative half-widths)\n\n").append(Tables.ratio(r, ratio)).append('\n');
        }
        for (RunReport.Contrasted c : section.contrasts()) {
            md.append("**").append(c.contrast().pair).append("**: ").append(c.contrast().verdict()).append("\n\n");
            c.heatmap().ifPresent(p -> picture(md, p, dir));
        }
        section.charts().forEach(p -> picture(md, p, dir));
        section.slopes().ifPresent(lines -> {
            var growth = experiment.spec().growth().orElseThrow();
            md.append("### ").append(growth.perUnit()).append(" as a slope\n\n")
                    .append("A least-squares line of ").append(growth.metric()).append(" against ")
                    .append(growth.param()).append(" per model, over every point and JVM (commons-math); ")
                    .append("± is the 95% half-width.\n\n").append(Slopes.table(lines, growth)).append('\n');
            Slopes.verdicts(lines, growth).forEach(v -> md.append("- ").append(v).append('\n'));
            md.append('\n');
        });
        Set<String> others = new LinkedHashSet<>();
        r.cells.stream().filter(c -> c.metrics() != null).forEach(c -> others.addAll(c.metrics().keySet()));
        others.remove(experiment.spec().headline().metric());
        for (String metric : others) {
            String metricUnit = r.cells.stream().flatMap(c -> c.metric(metric).stream()).map(m -> m.unit())
                    .findFirst().orElse("");
            md.append("### ").append(metric).append(" in ").append(metricUnit).append("\n\n")
                    .append(Tables.metric(r, metric)).append('\n');
        }
        decisions(md, section.decisions());
        limits(md, r.cells);
        md.append("### Status, resources and work per cell\n\n").append(Tables.resources(r)).append('\n');
    }

    private static void picture(StringBuilder md, Picture picture, Path dir) {
        String file = picture.base() + (Files.isRegularFile(dir.resolve(picture.base() + ".png")) ? ".png" : ".svg");
        md.append("![").append(picture.title()).append("](").append(file).append(")\n\n");
    }

    /**
     * The verdicts matrix: per experiment and model, what its contrasts against the experiment's first model
     * decided, point by point, in words.
     */
    private static String matrix(List<RunReport.Section> sections) {
        if (sections.isEmpty()) {
            return "";
        }
        List<String> models = new ArrayList<>();
        for (String id : Model.ids()) {
            if (sections.stream().anyMatch(s -> s.results().models.contains(id))) {
                models.add(id);
            }
        }
        sections.stream().flatMap(s -> s.results().models.stream()).filter(m -> !models.contains(m)).distinct().forEach(models::add);
        StringBuilder md = new StringBuilder("## Verdicts against each experiment's first model\n\n| experiment | first model |");
        models.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(models.size())).append('\n');
        for (RunReport.Section s : sections) {
            String first = s.results().models.isEmpty() ? "" : s.results().models.getFirst();
            md.append("| ").append(s.experiment().name()).append(" | ").append(first).append(" |");
            for (String m : models) {
                String text;
                if (!s.results().models.contains(m)) {
                    text = "-";
                } else if (m.equals(first)) {
                    text = "(first)";
                } else {
                    text = counts(s.decisions().stream().filter(d -> d.model().equals(m)).toList());
                }
                md.append(' ').append(text).append(" |");
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    /** "better 3, same 1, undecided 1 of 5": a model's verdicts at the points it ran. */
    private static String counts(List<Decision> ds) {
        List<Decision> contests = ds.stream().filter(d -> d.verdict() != Verdict.NO_CONTEST).toList();
        List<String> parts = new ArrayList<>();
        for (Verdict v : List.of(Verdict.BETTER, Verdict.WORSE, Verdict.SAME, Verdict.UNDECIDED)) {
            long n = contests.stream().filter(d -> d.verdict() == v).count();
            if (n > 0) {
                parts.add((v == Verdict.SAME ? "same" : v.id()) + " " + n);
            }
        }
        return parts.isEmpty() ? "no contest" : String.join(", ", parts) + " of " + contests.size();
    }

    /** Every headline contrast of the experiment: where, which pair, the verdict and the ratio with its interval. */
    private static void decisions(StringBuilder md, List<Decision> ds) {
        if (ds.isEmpty()) {
            return;
        }
        md.append("### Every contrast against ").append(ds.getFirst().baseline())
                .append(" (ratio above x1: the model is better; 95% interval; JVMs of each side)\n\n")
                .append("| point | model | verdict | ratio [interval] | JVMs | would decide it |\n|---|---|---|---|---|---|\n");
        for (Decision d : ds) {
            md.append("| ").append(d.point().isEmpty() ? "-" : d.where()).append(" | ").append(d.model()).append(" | ")
                    .append(d.verdict().decided() ? "**" + d.verdict().id() + "**" : d.verdict().id()).append(" | ")
                    .append(d.figure()).append(" | ").append(d.modelForks()).append(" + ").append(d.baselineForks()).append(" | ")
                    .append(d.verdict() == Verdict.UNDECIDED ? (d.forksNeeded() == null ? "more than " + asyncbench.stats.RatioInterval.MAX_FORKS + " JVMs each"
                            : "about " + d.forksNeeded() + " JVMs each") : "").append(" |\n");
        }
        md.append('\n');
    }

    /**
     * A string from a results file as Markdown text: one line, and every character that Markdown or HTML
     * would read as markup (a table's bar, a tag, emphasis, a link) shown as itself.
     */
    static String text(Object value) {
        String s = String.valueOf(value).replaceAll("[\\r\\n\\t]+", " ");
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '|', '*', '`', '[', ']' -> b.append('\\').append(c);
                default -> b.append(c < 0x20 ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A string from a results file inside a code span: one line, no backtick to end it early. */
    static String code(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").replace('`', '\'');
    }

    private static void limits(StringBuilder md, List<CellResult> cells) {
        List<CellResult> notOk = cells.stream().filter(c -> c.status() != Status.OK).toList();
        if (notOk.isEmpty()) {
            return;
        }
        md.append("### Cells that did not measure\n\n");
        for (CellResult c : notOk) {
            md.append("- ").append(c.model()).append(' ').append(c.params()).append(": **").append(c.status().id())
                    .append("**: ").append(text(Optional.ofNullable(c.message()).orElse(""))).append('\n');
        }
        md.append('\n');
    }

    private static void header(StringBuilder md, List<CellResult> results, int unreadable) {
        if (results.isEmpty()) {
            md.append("No finished cells.\n\n");
            return;
        }
        CellResult first = results.stream().filter(c -> c.jvm() != null).findFirst().orElse(results.getFirst());
        Map<String, Object> host = first.host() == null ? Map.of() : first.host();
        md.append("- Machine: ").append(text(host.getOrDefault("cpu", "?"))).append(", ").append(text(host.getOrDefault("cores", "?")))
                .append(" cores, ").append(host.containsKey("memTotalBytes")
                        ? Units.bytes(((Number) host.get("memTotalBytes")).doubleValue()) : "?").append(" memory, ")
                .append(text(host.getOrDefault("os", "?"))).append('\n');
        Map<String, Long> machines = results.stream().filter(c -> c.host() != null)
                .collect(Collectors.groupingBy(c -> c.host().getOrDefault("cpu", "?") + ", "
                        + c.host().getOrDefault("cores", "?") + " cores", LinkedHashMap::new, Collectors.counting()));
        if (machines.size() > 1) {
            md.append("- **Cells from ").append(machines.size()).append(" different machines** (compare models only within one): ");
            md.append(String.join("; ", machines.entrySet().stream().map(e -> text(e.getKey()) + " (" + e.getValue() + " cells)").toList()))
                    .append('\n');
        }
        if (host.get("kernelLimits") instanceof Map<?, ?> limits && !limits.isEmpty()) {
            md.append("- Kernel limits: ").append(limits.entrySet().stream().map(e -> text(e.getKey()) + " " + text(e.getValue()))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (first.jvm() != null) {
            md.append("- JVM: ").append(text(first.jvm().vendor())).append(' ').append(text(first.jvm().version()))
                    .append(", GC ").append(text(String.join(" + ", first.jvm().gcs()))).append('\n');
            md.append("- JVM flags of the first cell (heap sizes, collector and model flags vary by cell): `")
                    .append(code(String.join(" ", first.jvm().flags()))).append("`\n");
        }
        md.append("- Source: ").append(text(host.getOrDefault("gitCommit", "?"))).append("; profile ")
                .append(text(first.profile())).append("; ").append(results.size()).append(" cells");
        if (unreadable > 0) {
            md.append("; ").append(unreadable).append(" unreadable line(s) skipped (cut short by a kill, or not a valid result)");
        }
        java.util.IntSummaryStatistics forks = results.stream().mapToInt(c -> c.forks() == null ? 1 : c.forks()).summaryStatistics();
        md.append("\n- Each cell ran in ").append(forks.getMax() > 1
                        ? forks.getMin() + " to " + forks.getMax() + " fresh JVMs (forks), interleaved with the other models of its point;"
                        : "its own JVM;")
                .append(" the JVM is the unit: a figure is the mean of its JVMs' scores, ± the 95% half-width over them")
                .append(" (with one JVM, over its windows at 99.9%). Verdicts compare two models by a 95% interval on the ratio")
                .append(" of their means (docs/statistics.md): better where it excludes 1, the same where it lies inside [0.9, 1.1],")
                .append(" undecided otherwise; a figure from one JVM decides nothing.\n\n");
    }
}
