package asyncbench.cli;

import asyncbench.os.MachineLoad;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Param;
import asyncbench.model.Model;
import asyncbench.report.Comparison;
import asyncbench.report.Report;
import asyncbench.result.Status;
import asyncbench.catalog.Catalog;
import asyncbench.runner.CellSpec;
import asyncbench.runner.ParamValues;
import asyncbench.runner.Plan;
import asyncbench.runner.Runner;
import asyncbench.runner.Runs;
import asyncbench.catalog.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
    "Runs experiments, each cell in its own JVM, then writes the report.",
    "With no EXPERIMENT, runs every experiment."})
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_PROFILE = "quick";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXPERIMENT", arity = "0..*", description = "Experiments to run (see 'list').")
    List<String> experiments = new ArrayList<>();

    @Option(names = "--models", split = ",", paramLabel = "MODEL", description = "Models to run; default: all each experiment supports.")
    List<String> models = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUES",
            description = "Replaces a parameter's values: numbers, 2^k, ranges 1..4 or 2^5..2^17, comma separated.")
    List<String> params = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = DEFAULT_PROFILE,
            description = "smoke, quick or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--cell-timeout", paramLabel = "SECONDS",
            description = "Kill a cell's JVM still running after this many seconds (plus 1.5 s per GiB of heap it touches at start) and record the cell as a timeout; each JVM of a cell has this time of its own; default: the profile's.")
    Long cellTimeoutSeconds;

    @Option(names = "--forks", paramLabel = "N",
            description = "JVMs each cell runs in at least, interleaved with the other models of its point (default: the profile's: smoke 1, quick 2, full 3, published 2).")
    Integer forks;

    @Option(names = "--budget", paramLabel = "TIME",
            description = "How long the run may take, e.g. 15m, 90s, 2h or 1h30m: after every cell's minimum JVMs, the time left buys more JVMs "
                    + "for the contrasts still undecided, cheapest to settle first; 0 for none (default: the profile's: smoke 3m, quick 15m, full 3h, published 12h).")
    String budget;

    @Option(names = "--name", paramLabel = "NAME",
            description = "A name for the run, by which report and compare find it (besides its id, latest and previous).")
    String name;

    @Option(names = "--jfr", description = "Records each cell with JDK Flight Recorder: virtual threads pinned, GC pauses, safepoints, "
            + "shown in the report's resources table (a JVM starts about 0.2 s slower).")
    boolean jfr;

    @Option(names = "--jvm-arg", paramLabel = "OPTION",
            description = "A JVM option for every cell's JVM, repeatable: --jvm-arg=-XX:+UseZGC runs the plan under ZGC "
                    + "(an experiment that chooses its own collector keeps it). Checked before any cell starts.")
    List<String> jvmArgs = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Runs every N-th cell of the plan from the K-th, for N identical machines sharing one plan; "
                    + "with N alone, K comes from ASYNCBENCH_SHARD (1..N) or JOB_COMPLETION_INDEX (0..N-1, a Kubernetes indexed Job's). "
                    + "'report RUN...' merges the shards' runs.")
    String shard;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Goes on with an earlier run, skipping its finished cells.")
    String resume;

    @Option(names = "--compare", paramLabel = "FIRST/SECOND",
            description = "Model pairs for heatmaps and verdicts; default: each model against the experiment's first.")
    List<String> compare = new ArrayList<>();

    @Option(names = "--counts", description = "Runs each cell once, untimed, with fixed work, and prints the work counters every model must match.")
    boolean counts;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--catalog", hidden = true, defaultValue = "asyncbench.catalog.Catalog$BuiltIn")
    String catalogClass;

    /** The shard as K/N: as given, or N with K from the environment (1-based ASYNCBENCH_SHARD, or 0-based JOB_COMPLETION_INDEX). */
    String shard(Map<String, String> env) throws UsageException {
        if (shard == null || shard.contains("/")) {
            return shard;
        }
        if (!shard.strip().matches("[0-9]{1,6}")) {
            throw new UsageException("--shard must be K/N (this machine's share K of N, e.g. 2/4) or N with K from the environment, was '" + shard + "'");
        }
        if (env.containsKey("ASYNCBENCH_SHARD")) {
            return env.get("ASYNCBENCH_SHARD").strip() + "/" + shard;
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            try {
                return (Integer.parseInt(env.get("JOB_COMPLETION_INDEX").strip()) + 1) + "/" + shard;
            } catch (NumberFormatException e) {
                throw new UsageException("JOB_COMPLETION_INDEX must be a number, was '" + env.get("JOB_COMPLETION_INDEX") + "'");
            }
        }
        throw new UsageException("--shard " + shard + " needs this machine's K: give --shard K/" + shard
                + ", or set ASYNCBENCH_SHARD (1.." + shard + ") or JOB_COMPLETION_INDEX (0.." + shard + "-1)");
    }

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.load(catalogClass);
        List<Comparison> comparisons = Report.comparisons(compare, Model.ids());
        Runner runner = new Runner(catalog, results, new ConsoleProgress(spec.commandLine().getErr(), catalog));
        if (counts) {
            return printCounts(catalog);
        }
        Runner.Run run;
        if (resume != null) {
            if (!experiments.isEmpty() || spec.commandLine().getParseResult().hasMatchedOption("--profile") || !models.isEmpty() || !params.isEmpty() || cellTimeoutSeconds != null
                    || forks != null || jfr || shard != null || !jvmArgs.isEmpty() || budget != null || name != null) {
                throw new UsageException("--resume takes the run's own plan: give no experiment, --models, --param, --profile, --cell-timeout, --forks, --jfr, --jvm-arg, --shard, --budget or --name with it");
            }
            String id = Runs.resolve(results, resume);
            warnIfBusy();
            run = runner.resume(id);
        } else {
            List<String> chosen = experiments.isEmpty() ? catalog.names() : experiments;
            Plan plan = new Plan(chosen, profile, models, parseParams(catalog), cellTimeoutSeconds, forks, jfr ? true : null,
                    shard(System.getenv()), jvmArgs, budget == null ? null : budgetSeconds(budget), name);
            plan.cells(catalog);
            plan.absentOriginals(catalog).ifPresent(spec.commandLine().getOut()::println);
            warnIfBusy();
            run = runner.start(plan);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Run " + run.runId() + ": " + run.ran().size() + " cells run"
                + (run.skipped() > 0 ? ", " + run.skipped() + " already done" : "")
                + (run.addedForks() > 0 ? ", " + run.addedForks() + " JVMs added by the budget to undecided contrasts" : "")
                + "; results in " + run.results());
        Report.Rendered rendered;
        try {
            rendered = Report.render(run.directory(), catalog, comparisons);
        } catch (asyncbench.result.ResultsFile.EarlierFormatException e) {
            throw e;
        } catch (java.io.IOException e) {
            out.flush();
            throw new asyncbench.catalog.EnvironmentFault("the results of run " + run.runId() + " are kept in " + run.results()
                    + ", but its report could not be written: " + asyncbench.catalog.EnvironmentFault.sentence(e)
                    + "; make room, then write it with ./asyncbench report " + run.runId(), e);
        }
        rendered.verdicts().forEach(v -> out.println("  " + v));
        out.println("Report: " + rendered.report() + " (and " + rendered.report().resolveSibling(Report.HTML) + ")");
        out.flush();
        if (!run.ran().isEmpty() && run.ran().stream().noneMatch(c -> c.status() == Status.OK)) {
            spec.commandLine().getErr().println("asyncbench: no cell of this run measured anything ("
                    + run.ran().stream().map(c -> c.status().id()).distinct().collect(java.util.stream.Collectors.joining(", "))
                    + "): see " + run.results());
            return 1;
        }
        return 0;
    }

    /** Says, before any cell starts, what else is using the machine: it would be measured too. */
    private void warnIfBusy() throws InterruptedException {
        MachineLoad load = MachineLoad.sample(java.time.Duration.ofSeconds(1));
        if (load.isBusy()) {
            spec.commandLine().getErr().println("asyncbench: the machine is busy before measuring (" + load.describe()
                    + "): figures measured now carry its noise; './asyncbench doctor' says the same.");
            spec.commandLine().getErr().flush();
        }
    }

    /** A duration as people write it: 90s, 15m, 2h, 1h30m, or a plain number of seconds. */
    static long budgetSeconds(String text) throws UsageException {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.matches("\\d+")) {
                return Long.parseLong(t);
            }
            if (t.matches("(\\d+h)?(\\d+m)?(\\d+s)?") && !t.isEmpty()) {
                return java.time.Duration.parse("PT" + t.toUpperCase(java.util.Locale.ROOT)).toSeconds();
            }
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            // the message below says what is accepted
        }
        throw new UsageException("--budget must be a time such as 90s, 15m, 2h or 1h30m, was '" + text + "'");
    }

    /** Runs every cell once in this JVM and prints its counters; exit 1 if two models of a point differ. */
    private int printCounts(Catalog catalog) throws Exception {
        if (resume != null) {
            throw new UsageException("--counts runs nothing that can be resumed: give experiments, not --resume");
        }
        List<String> chosen = experiments.isEmpty() ? catalog.names() : experiments;
        Plan plan = new Plan(chosen, profile, models, parseParams(catalog), null);
        List<CellSpec> cells = plan.cells(catalog);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Map<String, Long>> byPoint = new LinkedHashMap<>();
        boolean identical = true;
        for (CellSpec cell : cells) {
            if (cell.model().external()) {
                continue; // an original counts its own work, if at all
            }
            Experiment experiment = catalog.byName(cell.experiment()).orElseThrow();
            String label = cell.experiment() + " " + cell.model().id() + " " + cell.params();
            Map<String, Long> c;
            try {
                c = experiment.countOnce(cell.model(), cell.params());
            } catch (LimitReachedException e) {
                out.println(label + ": limit: " + e.getMessage());
                continue;
            }
            out.println(label + ": " + c.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(" ")));
            Map<String, Long> first = byPoint.putIfAbsent(cell.experiment() + " " + cell.params(), c);
            identical &= first == null || first.equals(c);
        }
        out.println(identical ? "Every model made identical calls at each point." : "MODELS DIFFER: see the lines above.");
        out.flush();
        return identical ? 0 : 1;
    }

    private Map<String, List<Object>> parseParams(Catalog catalog) throws UsageException {
        Map<String, List<Object>> parsed = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("malformed --param '" + p + "': write NAME=VALUES, e.g. readers=2^5..2^10");
            }
            String name = p.substring(0, eq).trim();
            if (parsed.containsKey(name)) {
                throw new UsageException("--param " + name + " is given twice: give all its values once, separated by commas");
            }
            Optional<Param> param = catalog.experiments().stream().flatMap(e -> e.spec().params().stream())
                    .filter(x -> x.name().equals(name)).findFirst();
            parsed.put(name, param.isPresent() ? ParamValues.parse(param.get(), p.substring(eq + 1))
                    : List.copyOf(ParamValues.parse(name, p.substring(eq + 1))));
        }
        return parsed;
    }
}
