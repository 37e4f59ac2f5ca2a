package asyncbench.report;

import asyncbench.catalog.Catalog;
import asyncbench.catalog.UsageException;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Ratio;
import asyncbench.model.Model;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a docs page shows, generated from a committed run rather than typed: a block
 * {@code <!-- table: RUN EXPERIMENT -->} ... {@code <!-- /table -->} holds the experiment's headline
 * table of that run, {@code <!-- ratio: RUN EXPERIMENT -->} its ratio table, as the run's report
 * renders them, and {@code <!-- verdicts: RUN EXPERIMENT -->} every headline contrast of the run, decided. {@code ./asyncbench findings} fills every block; a test checks none is stale.
 */
public final class DocTables {
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- (table|ratio|verdicts): (\\S+) (\\S+) -->\\n)(.*?)(<!-- /\\2 -->)", Pattern.DOTALL);

    private DocTables() {
    }

    /** {@code page} with every block's table generated again from the runs under {@code runs}. */
    public static String fill(String page, Path runs, Catalog catalog) throws IOException, UsageException {
        Matcher m = BLOCK.matcher(page);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = table(m.group(2), runs, m.group(3), m.group(4), catalog);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(6)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String table(String kind, Path runs, String run, String name, Catalog catalog) throws IOException, UsageException {
        if (!ResultsFile.isName(run)) {
            throw new UsageException("a table block names run '" + run + "', which is not a run's name");
        }
        Experiment experiment = catalog.byName(name).orElseThrow(() ->
                new UsageException("a table block names no experiment of the lab: " + name));
        List<CellResult> cells = ResultsFile.latest(ResultsFile.read(runs.resolve(run).resolve(ResultsFile.NAME)).results())
                .stream().filter(c -> c.experiment().equals(name)).toList();
        if (cells.isEmpty()) {
            throw new UsageException("a table block names " + name + " in run " + run + ", which has no cell of it under " + runs);
        }
        ExperimentResults r = new ExperimentResults(name, experiment.spec().headline(), cells,
                experiment.spec().models().stream().map(Model::id).toList(), experiment.spec().params());
        if (kind.equals("verdicts")) {
            StringBuilder md = new StringBuilder();
            for (asyncbench.stats.Decision d : asyncbench.stats.Decisions.headline(experiment, cells)) {
                if (d.verdict() != asyncbench.stats.Verdict.NO_CONTEST) {
                    md.append("- ").append(d.sentence()).append('\n');
                }
            }
            return md.toString();
        }
        if (kind.equals("ratio")) {
            Ratio ratio = experiment.spec().ratio().orElseThrow(() -> new UsageException(name + " has no ratio table"));
            return Tables.ratio(r, ratio);
        }
        return Tables.headline(r);
    }
}
