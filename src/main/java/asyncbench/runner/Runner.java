package asyncbench.runner;

import asyncbench.experiment.Experiment;
import asyncbench.result.CellResult;
import asyncbench.result.Json;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the cells of a plan one after another, each in its own JVM, appending each result to
 * {@code <results>/<runId>/results.jsonl} the moment it ends. A failing, hanging or limited cell is
 * recorded and the run goes on. Resuming a run skips the cells it already recorded.
 */
public final class Runner {
    public static final String PLAN = "plan.json";
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Catalog catalog;
    private final Path resultsRoot;
    private final Progress progress;

    public Runner(Catalog catalog, Path resultsRoot, Progress progress) {
        this.catalog = catalog;
        this.resultsRoot = resultsRoot;
        this.progress = progress;
    }

    /** What a run did: where its results are, and the cells it ran this time. */
    public record Run(String runId, Path directory, List<CellResult> ran, int skipped) {
        public Path results() {
            return directory.resolve(ResultsFile.NAME);
        }
    }

    /** Starts a new run of {@code plan}. */
    public Run start(Plan plan) throws UsageException, IOException, InterruptedException {
        List<CellSpec> cells = plan.cells(catalog);
        Fork.checkJvmArgs(plan.jvmArgs());
        String runId = newRunId();
        Path dir = resultsRoot.resolve(runId);
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(".writable"), new byte[0]);
            Files.delete(dir.resolve(".writable"));
        } catch (IOException e) {
            throw new UsageException("cannot write results under " + resultsRoot
                    + ": give --results a directory this user can create and write");
        }
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(PLAN).toFile(), plan);
        return execute(runId, dir, plan, cells, Set.of());
    }

    /** Goes on with run {@code runId}: plans its cells again and runs those it has not recorded. */
    public Run resume(String runId) throws UsageException, IOException, InterruptedException {
        Path dir = resultsRoot.resolve(runId);
        if (!Files.isRegularFile(dir.resolve(PLAN))) {
            throw new UsageException("no run '" + runId + "' under " + resultsRoot + "; runs: " + String.join(", ", runIds(resultsRoot)));
        }
        Plan plan = Json.MAPPER.readValue(dir.resolve(PLAN).toFile(), Plan.class);
        // a cell that erred (a JVM that died, perhaps with the run) is tried again; other outcomes stand
        Set<String> done = ResultsFile.latest(ResultsFile.read(dir.resolve(ResultsFile.NAME)).results()).stream()
                .filter(r -> r.status() != Status.ERROR).map(CellResult::key).collect(Collectors.toSet());
        return execute(runId, dir, plan, plan.cells(catalog), done);
    }

    private Run execute(String runId, Path dir, Plan plan, List<CellSpec> cells, Set<String> done)
            throws IOException, InterruptedException {
        List<CellSpec> todo = cells.stream().filter(c -> !done.contains(c.key())).toList();
        Map<String, Object> host = Host.describe();
        Fork fork = new Fork(catalog.getClass().getName(), plan.cellTimeout());
        Thread killOnExit = new Thread(fork::stop, "kill-running-cell");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        List<CellResult> ran = new ArrayList<>();
        long runStart = System.nanoTime();
        try (ResultsFile results = ResultsFile.append(dir.resolve(ResultsFile.NAME))) {
            for (int i = 0; i < todo.size(); i++) {
                CellSpec cell = todo.get(i);
                progress.started(i + 1, todo.size(), cell);
                Experiment experiment = catalog.byName(cell.experiment()).orElseThrow();
                Instant started = Instant.now();
                long cellStart = System.nanoTime();
                List<CellResult> forks = new ArrayList<>();
                for (int k = 0; k < plan.forkCount(experiment) && !fork.stopped(); k++) {
                    List<String> flags = Fork.flags(plan.jvmArgs(), experiment.jvmFlags(cell.params()));
                    if (plan.records()) {
                        flags.add("-D" + CellMain.FLIGHT_RECORDER + "=true");
                    }
                    CellResult one = fork.run(cell, experiment.heapMegabytes(cell.model(), cell.params()), flags,
                            experiment.launcher(cell.params()));
                    forks.add(one);
                    if (one.status() != Status.OK) {
                        break;
                    }
                }
                double seconds = (System.nanoTime() - cellStart) / 1e9;
                if (fork.stopped()) {
                    break;
                }
                CellResult result = CellResult.ofForks(forks).recorded(runId, host, started.toString(), seconds);
                results.add(result);
                ran.add(result);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - runStart);
                Duration left = elapsed.dividedBy(i + 1).multipliedBy(todo.size() - i - 1);
                progress.finished(i + 1, todo.size(), result, elapsed, left);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return new Run(runId, dir, ran, cells.size() - todo.size());
    }

    /**
     * Merges the runs of one plan's shards (run on identical machines with {@code --shard K/N}) into a new
     * run holding every cell, and returns its id; runs of different plans are refused.
     */
    public String merge(List<String> runIds) throws UsageException, IOException {
        Plan whole = null;
        String firstId = null;
        List<CellResult> cells = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String id : runIds) {
            Path dir = resultsRoot.resolve(id);
            if (!Files.isRegularFile(dir.resolve(PLAN))) {
                throw new UsageException("no run '" + id + "' under " + resultsRoot + "; runs: " + String.join(", ", runIds(resultsRoot)));
            }
            Plan plan = Json.MAPPER.readValue(dir.resolve(PLAN).toFile(), Plan.class).whole();
            if (whole == null) {
                whole = plan;
                firstId = id;
            } else if (!whole.equals(plan)) {
                throw new UsageException("runs " + firstId + " and " + id + " have different plans: only the shards of one plan merge");
            }
            for (CellResult c : ResultsFile.latest(ResultsFile.read(dir.resolve(ResultsFile.NAME)).results())) {
                if (!seen.add(c.key())) {
                    throw new UsageException("cell '" + c.key() + "' is in two of the runs: give each shard's run once");
                }
                cells.add(c);
            }
        }
        String mergedId = newRunId() + "-merged";
        Path dir = Files.createDirectories(resultsRoot.resolve(mergedId));
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(PLAN).toFile(), whole);
        try (ResultsFile out = ResultsFile.append(dir.resolve(ResultsFile.NAME))) {
            for (CellResult c : cells) {
                out.add(c);
            }
        }
        return mergedId;
    }

    private String newRunId() {
        String base = LocalDateTime.now().format(RUN_ID);
        String id = base;
        for (int n = 2; Files.exists(resultsRoot.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** The runs recorded under {@code root}, oldest first. */
    public static List<String> runIds(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(PLAN)))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
    }
}
