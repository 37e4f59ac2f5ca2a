package asyncbench.cli;

import asyncbench.report.RunComparison;
import asyncbench.runner.Catalog;
import asyncbench.runner.Runner;
import asyncbench.runner.UsageException;
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
        description = {"Compares two runs cell by cell: each headline of RUN_B over RUN_A with its error, flagged where",
                "the change is larger than the noise; writes compare-RUN_A.md and .html into RUN_B's directory."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The run compared against (the baseline).")
    String runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared.")
    String runB;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--all", description = "Print every cell; by default the terminal shows the cells that changed clearly (the files hold every cell).")
    boolean all;

    @Override
    public Integer call() throws Exception {
        List<String> runs = Runner.runIds(results);
        for (String id : List.of(runA, runB)) {
            if (!runs.contains(id)) {
                throw new UsageException("no run '" + id + "' under " + results + "; runs: "
                        + (runs.isEmpty() ? "none" : String.join(", ", runs)));
            }
        }
        RunComparison.Result result = RunComparison.compare(results.resolve(runA), results.resolve(runB), new Catalog.BuiltIn());
        PrintWriter out = spec.commandLine().getOut();
        out.print(RunComparison.terminal(result, all));
        out.println("Comparison: " + RunComparison.write(result, results.resolve(runB)));
        out.flush();
        return 0;
    }
}
