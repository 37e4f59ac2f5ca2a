package asyncbench.cli;

import asyncbench.model.Model;
import asyncbench.report.Report;
import asyncbench.catalog.Catalog;
import asyncbench.runner.Runner;
import asyncbench.catalog.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Renders a run's report again from its saved results.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", arity = "0..*",
            description = "The run: its id, its name (run --name), latest or previous; default: the latest. Several runs, the shards of one plan (run --shard K/N), merge into a new run first.")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--compare", paramLabel = "FIRST/SECOND", description = "Model pairs for heatmaps and verdicts.")
    List<String> compare = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report (default: the run's directory; for a run committed to the repository, results/reports/RUN).")
    Path outDir;

    @Option(names = "--catalog", hidden = true, defaultValue = "asyncbench.catalog.Catalog$BuiltIn")
    String catalogClass;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.load(catalogClass);
        List<String> runs = Runner.runIds(results);
        if (runs.isEmpty()) {
            throw new UsageException("no runs under " + results + "; start one with './asyncbench run'");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> given = new ArrayList<>();
        for (String ref : runIds) {
            given.add(asyncbench.runner.Runs.resolve(results, ref));
        }
        runIds = given;
        String id = runIds.isEmpty() ? runs.getLast() : runIds.getFirst();
        if (runIds.size() > 1) {
            id = new Runner(catalog, results, asyncbench.runner.Progress.SILENT).merge(runIds);
            out.println("Merged " + runIds.size() + " runs into " + id);
        }
        Report.Rendered rendered;
        try {
            rendered = Report.render(results.resolve(id), asyncbench.report.Outputs.forRun(results.resolve(id), outDir), catalog,
                    Report.comparisons(compare, Model.ids()));
        } catch (asyncbench.result.ResultsFile.EarlierFormatException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new asyncbench.catalog.EnvironmentFault("the report of run " + id + " could not be written: "
                    + asyncbench.catalog.EnvironmentFault.sentence(e) + "; its results are unchanged", e);
        }
        rendered.verdicts().forEach(v -> out.println("  " + v));
        out.println("Report: " + rendered.report() + " (and " + rendered.report().resolveSibling(Report.HTML) + ")");
        out.flush();
        return 0;
    }
}
