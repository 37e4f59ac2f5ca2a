package asyncbench.report;

import asyncbench.experiment.Experiment;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import asyncbench.catalog.Catalog;
import asyncbench.catalog.UsageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a run's report from its saved {@code results.jsonl}, never from a run in progress: computes
 * the {@link RunReport} once, then writes it in every {@link ResultFormat}.
 */
public final class Report {
    public static final String FILE = MarkdownFormat.FILE;
    public static final String HTML = HtmlFormat.FILE;

    /** The formats, in the order written: the pictures before the documents that show them. */
    private static final List<ResultFormat> FORMATS = List.of(new CsvFormat(), new SvgFormat(), new PngFormat(),
            new JmhJsonFormat(), new VerdictsFormat(), new MarkdownFormat(), new HtmlFormat());

    /**
     * What was written, and the verdicts for the console: per experiment its winners, slopes and what the
     * runtime did where a model lost, and the sentence of each pair the user asked for (every pair is in
     * the report).
     */
    public record Rendered(Path report, List<Path> files, List<String> verdicts, int unreadableLines) {
    }

    private Report() {
    }

    /**
     * @param comparisons pairs to contrast; empty means every model against each experiment's first
     */
    public static Rendered render(Path runDir, Catalog catalog, List<Comparison> comparisons)
            throws IOException, UsageException {
        return render(runDir, runDir, catalog, comparisons);
    }

    /** The report of the run in {@code runDir}, written into {@code outDir}. */
    public static Rendered render(Path runDir, Path outDir, Catalog catalog, List<Comparison> comparisons)
            throws IOException, UsageException {
        java.nio.file.Files.createDirectories(outDir);
        ResultsFile.Contents contents = ResultsFile.read(runDir.resolve(ResultsFile.NAME));
        List<CellResult> results = ResultsFile.latest(contents.results());
        List<RunReport.Section> sections = new ArrayList<>();
        for (Experiment experiment : catalog.experiments()) {
            List<CellResult> cells = results.stream().filter(c -> c.experiment().equals(experiment.name())).toList();
            if (!cells.isEmpty()) {
                sections.add(RunReport.section(experiment, cells, comparisons));
            }
        }
        RunReport report = new RunReport(runDir.getFileName().toString(), results, contents.unreadableLines(), sections);
        List<Path> files = new ArrayList<>();
        for (ResultFormat format : FORMATS) {
            files.addAll(format.writeOut(report, outDir));
        }
        return new Rendered(outDir.resolve(FILE), files, report.verdicts(!comparisons.isEmpty()), contents.unreadableLines());
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
