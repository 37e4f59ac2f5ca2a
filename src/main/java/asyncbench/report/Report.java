package asyncbench.report;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Growth;
import asyncbench.experiment.Param;
import asyncbench.experiment.Ratio;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import asyncbench.runner.Catalog;
import asyncbench.runner.UsageException;
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

/**
 * Renders a run's report from its saved {@code results.jsonl}, never from a run in progress: per
 * experiment a CSV of every cell, Markdown tables, a heatmap (SVG and PNG) per comparison, and a
 * plain verdict; all gathered in {@code report.md}.
 */
public final class Report {
    public static final String FILE = "report.md";
    public static final String HTML = "report.html";

    /** What was written, and the verdicts, for the console. */
    public record Rendered(Path report, List<Path> files, List<String> verdicts, int unreadableLines) {
    }

    private Report() {
    }

    /**
     * @param comparisons pairs to contrast; empty means every model against each experiment's first
     */
    public static Rendered render(Path runDir, Catalog catalog, List<Comparison> comparisons)
            throws IOException, UsageException {
        ResultsFile.Contents contents = ResultsFile.read(runDir.resolve(ResultsFile.NAME));
        List<CellResult> results = ResultsFile.latest(contents.results());
        List<Path> files = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        StringBuilder top = new StringBuilder("# asyncbench report: run ").append(runDir.getFileName()).append("\n\n");
        header(top, results, contents.unreadableLines());
        StringBuilder md = new StringBuilder();
        Map<String, Winners> winners = new LinkedHashMap<>();
        Map<String, List<String>> modelsOf = new LinkedHashMap<>();
        for (Experiment experiment : catalog.experiments()) {
            List<CellResult> cells = results.stream().filter(c -> c.experiment().equals(experiment.name())).toList();
            if (cells.isEmpty()) {
                continue;
            }
            ExperimentResults r = new ExperimentResults(experiment.name(), experiment.headline(), cells,
                    experiment.models().stream().map(m -> m.id()).toList(), experiment.params());
            md.append("## ").append(experiment.name()).append("\n\n").append(experiment.description()).append(".\n\n");
            Winners won = new Winners(r);
            winners.put(experiment.name(), won);
            modelsOf.put(experiment.name(), r.models);
            md.append("**Winners** (").append(experiment.headline().metric()).append("): ").append(won.verdict()).append(".\n\n");
            Path csv = runDir.resolve(experiment.name() + ".csv");
            Files.writeString(csv, Tables.csv(r), StandardCharsets.UTF_8);
            files.add(csv);
            String headline = Tables.headline(r);
            Path table = runDir.resolve(experiment.name() + ".md");
            Files.writeString(table, headline, StandardCharsets.UTF_8);
            files.add(table);
            String unit = cells.stream().flatMap(c -> c.metric(experiment.headline().metric()).stream())
                    .map(m -> m.unit()).findFirst().orElse("");
            md.append("### ").append(experiment.headline().metric()).append(" in ").append(unit).append(" (")
                    .append(experiment.headline().higherIsBetter() ? "higher" : "lower").append(" is better)\n\n")
                    .append(headline).append('\n');
            if (experiment.headline().additive() && r.models.size() > 1) {
                md.append("### Overhead over ").append(r.models.getFirst()).append(" (").append(unit)
                        .append(", difference of the means ± the 99.9% half-widths combined)\n\n").append(Tables.overhead(r)).append('\n');
            }
            if (experiment.ratio().isPresent()) {
                Ratio ratio = experiment.ratio().get();
                Param param = experiment.params().stream().filter(p -> p.name().equals(ratio.param())).findFirst().orElseThrow();
                if (r.params.contains(ratio.param())) {
                    md.append("### ").append(experiment.headline().metric()).append(", ").append(ratio.title())
                            .append(" (± from the two relative half-widths)\n\n").append(Tables.ratio(r, param, ratio)).append('\n');
                }
            }
            for (Comparison pair : pairs(r, comparisons)) {
                Contrast contrast = new Contrast(r, pair);
                String verdict = contrast.verdict();
                verdicts.add(experiment.name() + ": " + verdict);
                md.append("**").append(pair).append("**: ").append(verdict).append("\n\n");
                if (r.rows.size() * r.columns.size() > 1) {
                    String base = experiment.name() + "-" + pair.first() + "-vs-" + pair.second();
                    Heatmap heatmap = new Heatmap(contrast);
                    heatmap.writeSvg(runDir.resolve(base + ".svg"));
                    files.add(runDir.resolve(base + ".svg"));
                    try {
                        heatmap.writePng(runDir.resolve(base + ".png"));
                        files.add(runDir.resolve(base + ".png"));
                        md.append("![").append(contrast.title()).append("](").append(base).append(".png)\n\n");
                    } catch (IOException | RuntimeException | Error noFonts) {
                        // headless Java2D needs fonts; the SVG carries the same picture
                        md.append("![").append(contrast.title()).append("](").append(base).append(".svg)\n\n");
                    }
                }
            }
            verdicts.add(experiment.name() + ": winners: " + won.verdict());
            for (LineCharts.Drawn chart : LineCharts.draw(experiment, cells, r.models, runDir)) {
                files.add(chart.svg());
                chart.png().ifPresent(files::add);
                Path shown = chart.png().orElse(chart.svg());
                md.append("![").append(chart.title()).append("](").append(shown.getFileName()).append(")\n\n");
            }
            if (experiment.growth().isPresent() && cells.stream()
                    .map(c -> c.params().get(experiment.growth().get().param())).distinct().count() > 1) {
                Growth growth = experiment.growth().get();
                List<Slopes.Line> lines = Slopes.fit(r, growth);
                md.append("### ").append(growth.perUnit()).append(" as a slope\n\n")
                        .append("A least-squares line of ").append(growth.metric()).append(" against ")
                        .append(growth.param()).append(" per model, over every point and JVM (commons-math); ")
                        .append("± is the 99.9% half-width.\n\n").append(Slopes.table(lines, growth)).append('\n');
                for (String v : Slopes.verdicts(lines, growth)) {
                    verdicts.add(experiment.name() + ": " + v);
                    md.append("- ").append(v).append('\n');
                }
                md.append('\n');
            }
            Set<String> others = new LinkedHashSet<>();
            cells.stream().filter(c -> c.metrics() != null).forEach(c -> others.addAll(c.metrics().keySet()));
            others.remove(experiment.headline().metric());
            for (String metric : others) {
                String metricUnit = cells.stream().flatMap(c -> c.metric(metric).stream()).map(m -> m.unit())
                        .findFirst().orElse("");
                md.append("### ").append(metric).append(" in ").append(metricUnit).append("\n\n")
                        .append(Tables.metric(r, metric)).append('\n');
            }
            limits(md, cells);
            md.append("### Resources per cell\n\n").append(Tables.resources(r)).append('\n');
        }
        files.add(JmhJson.write(runDir, results, catalog.experiments()));
        top.append(matrix(winners, modelsOf)).append(md);
        md = top;
        Path report = runDir.resolve(FILE);
        Files.writeString(report, md, StandardCharsets.UTF_8);
        Path html = runDir.resolve(HTML);
        Files.writeString(html, Html.page("asyncbench report: run " + runDir.getFileName(), md.toString(), runDir),
                StandardCharsets.UTF_8);
        files.add(html);
        return new Rendered(report, files, verdicts, contents.unreadableLines());
    }

    /**
     * The winners matrix: per experiment and model, the points the model wins clearly out of the points
     * where two models or more measured; "-" where the model did not run.
     */
    private static String matrix(Map<String, Winners> winners, Map<String, List<String>> modelsOf) {
        if (winners.isEmpty()) {
            return "";
        }
        List<String> models = new ArrayList<>();
        for (String id : asyncbench.model.Model.ids()) {
            if (modelsOf.values().stream().anyMatch(m -> m.contains(id))) {
                models.add(id);
            }
        }
        modelsOf.values().stream().flatMap(List::stream).filter(m -> !models.contains(m)).distinct().forEach(models::add);
        StringBuilder md = new StringBuilder("## Winners\n\nPoints each model wins clearly (its 99.9% interval clears the runner-up's), "
                + "out of the points where two models or more measured the experiment's headline.\n\n| experiment |");
        models.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|").append("---|".repeat(models.size())).append('\n');
        winners.forEach((experiment, won) -> {
            md.append("| ").append(experiment).append(" |");
            for (String m : models) {
                md.append(' ').append(modelsOf.get(experiment).contains(m) ? won.wins(m) + "/" + won.contests() : "-").append(" |");
            }
            md.append('\n');
        });
        return md.append('\n').toString();
    }

    private static List<Comparison> pairs(ExperimentResults r, List<Comparison> requested) {
        if (!requested.isEmpty()) {
            return requested.stream().filter(p -> r.models.contains(p.first()) && r.models.contains(p.second())).toList();
        }
        List<Comparison> pairs = new ArrayList<>();
        for (String model : r.models.subList(Math.min(1, r.models.size()), r.models.size())) {
            pairs.add(new Comparison(model, r.models.getFirst()));
        }
        return pairs;
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
                .collect(java.util.stream.Collectors.groupingBy(c -> c.host().getOrDefault("cpu", "?") + ", "
                        + c.host().getOrDefault("cores", "?") + " cores", LinkedHashMap::new, java.util.stream.Collectors.counting()));
        if (machines.size() > 1) {
            md.append("- **Cells from ").append(machines.size()).append(" different machines** (compare models only within one): ");
            md.append(String.join("; ", machines.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + " cells)").toList()))
                    .append('\n');
        }
        if (first.jvm() != null) {
            md.append("- JVM: ").append(first.jvm().vendor()).append(' ').append(first.jvm().version())
                    .append(", GC ").append(String.join(" + ", first.jvm().gcs())).append('\n');
        }
        md.append("- Source: ").append(host.getOrDefault("gitCommit", "?")).append("; profile ")
                .append(first.profile()).append("; ").append(results.size()).append(" cells");
        if (unreadable > 0) {
            md.append("; ").append(unreadable).append(" unreadable line(s) skipped (a run cut short)");
        }
        int forks = results.stream().map(CellResult::forks).filter(java.util.Objects::nonNull)
                .mapToInt(Integer::intValue).max().orElse(1);
        md.append("\n- Each cell ran in ").append(forks > 1 ? forks + " fresh JVMs (forks), one after another," : "its own JVM")
                .append(" with a fixed, pre-touched heap; errors are 99.9% confidence half-widths over the measured ")
                .append(forks > 1 ? "windows of all its forks (each fork's own score is in results.jsonl)" : "windows")
                .append("; a figure measured once has no error and is never called better.\n\n");
    }

    /** Checks {@code comparisons} against the models of the catalog. */
    public static List<Comparison> comparisons(List<String> texts, List<String> models) throws UsageException {
        List<Comparison> pairs = new ArrayList<>();
        for (String t : texts) {
            pairs.add(Comparison.parse(t, models));
        }
        return pairs;
    }
}
