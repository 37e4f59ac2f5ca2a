package asyncbench.report;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Param;
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
import java.util.Objects;
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
            Path table = dir.resolve(section.experiment().name() + ".md");
            Files.writeString(table, Tables.headline(section.results()), StandardCharsets.UTF_8);
            files.add(table);
        }
        Path md = dir.resolve(FILE);
        Files.writeString(md, document(report, dir), StandardCharsets.UTF_8);
        files.add(md);
        return files;
    }

    /** The whole report, its pictures linked by file name relative to {@code dir}. */
    static String document(RunReport report, Path dir) {
        StringBuilder md = new StringBuilder("# asyncbench report: run ").append(report.run()).append("\n\n");
        header(md, report.results(), report.unreadableLines());
        md.append(matrix(report.sections()));
        for (RunReport.Section section : report.sections()) {
            section(md, section, dir);
        }
        return md.toString();
    }

    private static void section(StringBuilder md, RunReport.Section section, Path dir) {
        Experiment experiment = section.experiment();
        ExperimentResults r = section.results();
        md.append("## ").append(experiment.name()).append("\n\n").append(experiment.description()).append(".\n\n");
        md.append("> **Reproduces**: ").append(experiment.origin().reproduces()).append("\\\n> **Published**: ")
                .append(experiment.origin().published()).append("\n\n");
        md.append("**Winners** (").append(experiment.headline().metric()).append("): ").append(section.winners().verdict()).append(".\n\n");
        if (!section.causes().isEmpty()) {
            md.append("**What the runtime did where a model is clearly behind** (flight recorder, the cell's first JVM):\n\n");
            section.causes().forEach(c -> md.append("- ").append(c).append('\n'));
            md.append('\n');
        }
        String unit = r.cells.stream().flatMap(c -> c.metric(experiment.headline().metric()).stream())
                .map(m -> m.unit()).findFirst().orElse("");
        md.append("### ").append(experiment.headline().metric()).append(" in ").append(unit).append(" (")
                .append(experiment.headline().higherIsBetter() ? "higher" : "lower").append(" is better)\n\n")
                .append(Tables.headline(r)).append('\n');
        if (experiment.headline().additive() && r.models.size() > 1) {
            md.append("### Overhead over ").append(r.models.getFirst()).append(" (").append(unit)
                    .append(", difference of the means ± the 99.9% half-widths combined)\n\n").append(Tables.overhead(r)).append('\n');
        }
        if (experiment.ratio().isPresent() && r.params.contains(experiment.ratio().get().param())) {
            Ratio ratio = experiment.ratio().get();
            Param param = experiment.params().stream().filter(p -> p.name().equals(ratio.param())).findFirst().orElseThrow();
            md.append("### ").append(experiment.headline().metric()).append(", ").append(ratio.title())
                    .append(" (± from the two relative half-widths)\n\n").append(Tables.ratio(r, param, ratio)).append('\n');
        }
        for (RunReport.Contrasted c : section.contrasts()) {
            md.append("**").append(c.contrast().pair).append("**: ").append(c.contrast().verdict()).append("\n\n");
            c.heatmap().ifPresent(p -> picture(md, p, dir));
        }
        section.charts().forEach(p -> picture(md, p, dir));
        section.slopes().ifPresent(lines -> {
            var growth = experiment.growth().orElseThrow();
            md.append("### ").append(growth.perUnit()).append(" as a slope\n\n")
                    .append("A least-squares line of ").append(growth.metric()).append(" against ")
                    .append(growth.param()).append(" per model, over every point and JVM (commons-math); ")
                    .append("± is the 99.9% half-width.\n\n").append(Slopes.table(lines, growth)).append('\n');
            Slopes.verdicts(lines, growth).forEach(v -> md.append("- ").append(v).append('\n'));
            md.append('\n');
        });
        Set<String> others = new LinkedHashSet<>();
        r.cells.stream().filter(c -> c.metrics() != null).forEach(c -> others.addAll(c.metrics().keySet()));
        others.remove(experiment.headline().metric());
        for (String metric : others) {
            String metricUnit = r.cells.stream().flatMap(c -> c.metric(metric).stream()).map(m -> m.unit())
                    .findFirst().orElse("");
            md.append("### ").append(metric).append(" in ").append(metricUnit).append("\n\n")
                    .append(Tables.metric(r, metric)).append('\n');
        }
        limits(md, r.cells);
        md.append("### Status, resources and work per cell\n\n").append(Tables.resources(r)).append('\n');
    }

    private static void picture(StringBuilder md, Picture picture, Path dir) {
        String file = picture.base() + (Files.isRegularFile(dir.resolve(picture.base() + ".png")) ? ".png" : ".svg");
        md.append("![").append(picture.title()).append("](").append(file).append(")\n\n");
    }

    /**
     * The winners matrix: per experiment and model, the points the model wins clearly out of the points
     * where two models or more measured; "-" where the model did not run.
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
        StringBuilder md = new StringBuilder("## Winners\n\nPer experiment and model, **won + shared / points**: the points the model "
                + "wins clearly (its 99.9% interval clears the runner-up's), then those with no clear winner where it is in the lead "
                + "with others (its interval reaches the best model's), out of the points where two models or more measured the "
                + "experiment's headline. What is left of the points, the model is clearly behind the best one, or measured it "
                + "once; \"-\": it did not run.\n\n| experiment |");
        models.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|").append("---|".repeat(models.size())).append('\n');
        for (RunReport.Section s : sections) {
            md.append("| ").append(s.experiment().name()).append(" |");
            for (String m : models) {
                md.append(' ').append(s.results().models.contains(m)
                        ? s.winners().wins(m) + " + " + s.winners().shared(m) + " / " + s.winners().contests() : "-").append(" |");
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    private static void limits(StringBuilder md, List<CellResult> cells) {
        List<CellResult> notOk = cells.stream().filter(c -> c.status() != Status.OK).toList();
        if (notOk.isEmpty()) {
            return;
        }
        md.append("### Cells that did not measure\n\n");
        for (CellResult c : notOk) {
            md.append("- ").append(c.model()).append(' ').append(c.params()).append(": **").append(c.status().id())
                    .append("**: ").append(Optional.ofNullable(c.message()).orElse("")).append('\n');
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
        md.append("- Machine: ").append(host.getOrDefault("cpu", "?")).append(", ").append(host.getOrDefault("cores", "?"))
                .append(" cores, ").append(host.containsKey("memTotalBytes")
                        ? Units.bytes(((Number) host.get("memTotalBytes")).doubleValue()) : "?").append(" memory, ")
                .append(host.getOrDefault("os", "?")).append('\n');
        Map<String, Long> machines = results.stream().filter(c -> c.host() != null)
                .collect(Collectors.groupingBy(c -> c.host().getOrDefault("cpu", "?") + ", "
                        + c.host().getOrDefault("cores", "?") + " cores", LinkedHashMap::new, Collectors.counting()));
        if (machines.size() > 1) {
            md.append("- **Cells from ").append(machines.size()).append(" different machines** (compare models only within one): ");
            md.append(String.join("; ", machines.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " cells)").toList()))
                    .append('\n');
        }
        if (host.get("kernelLimits") instanceof Map<?, ?> limits && !limits.isEmpty()) {
            md.append("- Kernel limits: ").append(limits.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (first.jvm() != null) {
            md.append("- JVM: ").append(first.jvm().vendor()).append(' ').append(first.jvm().version())
                    .append(", GC ").append(String.join(" + ", first.jvm().gcs())).append('\n');
            md.append("- JVM flags of the first cell (heap sizes, collector and model flags vary by cell): `")
                    .append(String.join(" ", first.jvm().flags())).append("`\n");
        }
        md.append("- Source: ").append(host.getOrDefault("gitCommit", "?")).append("; profile ")
                .append(first.profile()).append("; ").append(results.size()).append(" cells");
        if (unreadable > 0) {
            md.append("; ").append(unreadable).append(" unreadable line(s) skipped (a run cut short)");
        }
        int forks = results.stream().map(CellResult::forks).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(1);
        md.append("\n- Each cell ran in ").append(forks > 1 ? forks + " fresh JVMs (forks), one after another," : "its own JVM")
                .append(" with a fixed, pre-touched heap; errors are 99.9% confidence half-widths over the measured ")
                .append(forks > 1 ? "windows of all its forks (each fork's own score is in results.jsonl)" : "windows")
                .append("; a figure measured once has no error and is never called better.\n\n");
    }
}
