package asyncbench.cli;

import asyncbench.report.RunComparison;
import asyncbench.catalog.Catalog;
import asyncbench.runner.Runs;
import asyncbench.catalog.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compares two runs cell by cell: each headline of RUN_B over RUN_A with its error, flagged where the change is larger than the noise; writes compare-RUN_A.md and .html into RUN_B's directory, or where --out says.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The run compared against (the baseline): an id, a name (run --name), latest or previous.")
    String runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared: an id, a name, latest or previous.")
    String runB;

    @Option(names = "--fail-on", paramLabel = "WHAT", defaultValue = "none",
            description = "worse: exit with 1 when a cell of B is worse than A (its interval wholly on A's side), for CI; none: always 0 (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the comparison (default: RUN_B's directory; for a run committed to the repository, results/reports/RUN_B).")
    Path outDir;

    @Option(names = "--all", description = "Print every cell; by default the terminal shows the cells that changed clearly (the files hold every cell).")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (!List.of("none", "worse").contains(failOn)) {
            throw new UsageException("--fail-on must be none or worse, was '" + failOn + "'");
        }
        String idA = Runs.resolve(results, runA);
        String idB = Runs.resolve(results, runB);
        RunComparison.Result result = RunComparison.compare(results.resolve(idA), results.resolve(idB), new Catalog.BuiltIn());
        PrintWriter out = spec.commandLine().getOut();
        out.print(RunComparison.terminal(result, all));
        out.println("Comparison: " + RunComparison.write(result, asyncbench.report.Outputs.forRun(results.resolve(idB), outDir)));
        long worse = result.count(RunComparison.Change.WORSE);
        if (failOn.equals("worse") && worse > 0) {
            out.println("asyncbench: " + worse + " cell" + (worse == 1 ? "" : "s") + " worse in " + idB + " than in " + idA + " (--fail-on worse)");
            out.flush();
            return 1;
        }
        out.flush();
        return 0;
    }
}
