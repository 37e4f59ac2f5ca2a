package asyncbench.report;

import asyncbench.catalog.Catalog;
import asyncbench.catalog.UsageException;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Growth;
import asyncbench.model.Model;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a docs page shows, generated from a committed run rather than typed, as the run's report
 * renders them: a block {@code <!-- table: RUN EXPERIMENT -->} ... {@code <!-- /table -->} holds the
 * experiment's headline table of that run ({@code <!-- table: RUN EXPERIMENT METRIC -->} another
 * metric's), {@code <!-- ratio: RUN EXPERIMENT -->} its ratio table, {@code overhead:} each model's
 * headline minus the first model's, {@code slopes:} the lines of a growing total against its parameter
 * with their verdicts, and {@code <!-- verdicts: RUN EXPERIMENT -->} every headline contrast of the
 * run, decided. After the experiment, {@code PARAM=V1,V2} keeps only the cells at those values (a
 * table of one transport, the verdicts at one depth). {@code ./asyncbench findings} fills every block;
 * a test checks none is stale.
 */
public final class DocTables {
    private static final Pattern BLOCK = Pattern.compile(
            "(<!-- (table|ratio|verdicts|overhead|slopes): (\\S+) (\\S+)((?: \\S+)*) -->\\n)(.*?)(<!-- /\\2 -->)", Pattern.DOTALL);

    private DocTables() {
    }

    /** {@code page} with every block's table generated again from the runs under {@code runs}. */
    public static String fill(String page, Path runs, Catalog catalog) throws IOException, UsageException {
        Matcher m = BLOCK.matcher(page);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = table(m.group(2), runs, m.group(3), m.group(4), m.group(5).strip(), catalog);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(7)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String table(String kind, Path runs, String run, String name, String rest, Catalog catalog) throws IOException, UsageException {
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
        String metric = null;
        for (String token : rest.isEmpty() ? new String[0] : rest.split(" ")) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                if (metric != null || !kind.equals("table")) {
                    throw new UsageException("a " + kind + " block takes a run, an experiment" + (kind.equals("table") ? ", one metric" : "")
                            + " and PARAM=VALUES filters, not " + token);
                }
                metric = token;
                continue;
            }
            String param = token.substring(0, eq);
            List<String> values = List.of(token.substring(eq + 1).split(","));
            if (experiment.spec().params().stream().noneMatch(p -> p.name().equals(param))) {
                throw new UsageException("a table block filters on " + param + ", which is not a parameter of " + name);
            }
            cells = cells.stream().filter(c -> c.params().has(param) && values.contains(String.valueOf(c.params().get(param)))).toList();
            if (cells.isEmpty()) {
                throw new UsageException("a table block keeps " + token + " of " + name + " in run " + run + ", where no cell has it");
            }
        }
        final String shown = metric;
        final List<CellResult> kept = cells;
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
        return switch (kind) {
            case "ratio" -> Tables.ratio(r, experiment.spec().ratio().orElseThrow(() -> new UsageException(name + " has no ratio table")));
            case "overhead" -> Tables.overhead(r);
            case "slopes" -> {
                Growth growth = experiment.spec().growth().orElseThrow(() -> new UsageException(name + " has no growth to fit"));
                List<Slopes.Line> lines = Slopes.fit(r, growth);
                StringBuilder md = new StringBuilder(Slopes.table(lines, growth)).append('\n');
                Slopes.verdicts(lines, growth).forEach(v -> md.append("- ").append(v).append('\n'));
                yield md.toString();
            }
            default -> {
                if (metric == null) {
                    yield Tables.headline(r);
                }
                if (kept.stream().noneMatch(c -> c.metric(shown).isPresent())) {
                    throw new UsageException("a table block names metric " + shown + ", which no cell of " + name + " in run " + run + " has");
                }
                yield Tables.metric(r, shown);
            }
        };
    }
}
