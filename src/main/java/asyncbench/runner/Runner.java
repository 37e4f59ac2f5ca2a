package asyncbench.runner;

import asyncbench.catalog.EnvironmentFault;
import asyncbench.catalog.UsageException;
import asyncbench.catalog.Catalog;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the cells of a plan, each in JVMs of its own, appending each result to
 * {@code <results>/<runId>/results.jsonl} the moment it is complete. First every point's cells get their
 * minimum JVMs, round after round across the point's models in a shuffled order per round, so that drift
 * of the machine hits every model alike; then, while the run's budget lasts, one more JVM goes to a cell
 * of the undecided contrast that is cheapest to settle, on the side where it narrows the interval most
 * ({@link Budget}), and the cell is
 * recorded again with all its JVMs (the last line of a cell is the one that counts). A failing, hanging
 * or limited cell is recorded and the run goes on. Resuming a run skips the cells it already recorded.
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

    /**
     * What a run did: where its results are, the cells it ran or gave more JVMs this time (each as last
     * recorded), the cells an earlier part of it had recorded, and the JVMs its budget added.
     */
    public record Run(String runId, Path directory, List<CellResult> ran, int skipped, int addedForks) {
        public Path results() {
            return directory.resolve(ResultsFile.NAME);
        }
    }

    /** Starts a new run of {@code plan}. */
    public Run start(Plan plan) throws UsageException, IOException, InterruptedException, EnvironmentFault {
        List<CellSpec> cells = plan.cells(catalog);
        Fork.checkJvmArgs(plan.jvmArgs());
        Path dir;
        try {
            dir = newRunDirectory("");
            Files.write(dir.resolve(".writable"), new byte[0]);
            Files.delete(dir.resolve(".writable"));
        } catch (IOException e) {
            throw new UsageException("cannot write results under " + resultsRoot
                    + ": give --results a directory this user can create and write");
        }
        String runId = dir.getFileName().toString();
        try (RunLock lock = RunLock.take(dir)) {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(PLAN).toFile(), plan);
            return execute(runId, dir, plan, cells, List.of());
        }
    }

    /** Goes on with run {@code runId}: plans its cells again and runs those it has not recorded, then spends what is left of its budget. */
    public Run resume(String runId) throws UsageException, IOException, InterruptedException, EnvironmentFault {
        Path dir = resultsRoot.resolve(runId);
        if (!Files.isRegularFile(dir.resolve(PLAN))) {
            throw new UsageException("no run '" + runId + "' under " + resultsRoot + "; runs: " + String.join(", ", runIds(resultsRoot)));
        }
        try (RunLock lock = RunLock.take(dir)) {
            Plan plan = readPlan(dir);
            // a cell that erred (a JVM that died, perhaps with the run) is tried again; other outcomes stand
            List<CellResult> done = ResultsFile.latest(ResultsFile.read(dir.resolve(ResultsFile.NAME)).results()).stream()
                    .filter(r -> r.status() != Status.ERROR).toList();
            return execute(runId, dir, plan, plan.cells(catalog), done);
        }
    }

    private Run execute(String runId, Path dir, Plan plan, List<CellSpec> cells, List<CellResult> recorded)
            throws IOException, InterruptedException, EnvironmentFault {
        Set<String> done = recorded.stream().map(CellResult::key).collect(Collectors.toSet());
        List<List<CellSpec>> points = byPoint(cells.stream().filter(c -> !done.contains(c.key())).toList());
        Map<String, Object> host = Host.describe();
        Fork fork = new Fork(catalog.getClass().getName(), plan.cellTimeout());
        Fork.prepareArchive(catalog.getClass().getName());
        Thread killOnExit = new Thread(() -> {
            fork.stop();
            System.err.println("\nasyncbench: stopped; the cells recorded so far are kept in " + dir.resolve(ResultsFile.NAME)
                    + "; finish the run with ./asyncbench run --resume " + runId);
            System.err.flush();
        }, "kill-running-cell");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        // the order of models within a round: shuffled, the same for the same run
        Random order = new Random(runId.hashCode());
        Map<String, CellResult> state = new LinkedHashMap<>();
        recorded.forEach(r -> state.put(r.key(), r));
        Map<String, CellResult> ran = new LinkedHashMap<>();
        long spentBefore = Math.round(recorded.stream().mapToDouble(r -> r.seconds() == null ? 0 : r.seconds()).sum() * 1e9);
        Clock clock = new Clock(System.nanoTime() - spentBefore, plan.budget(), cells.size() - done.size());
        int extra = 0;
        try (ResultsFile results = ResultsFile.append(dir.resolve(ResultsFile.NAME))) {
            for (int i = 0; i < points.size() && !fork.stopped(); i++) {
                List<CellSpec> point = points.get(i);
                CellSpec first = point.getFirst();
                Experiment experiment = catalog.byName(first.experiment()).orElseThrow();
                int minimum = plan.forkCount(experiment);
                progress.point(i + 1, points.size(), first.experiment(), first.params().toString(),
                        point.size(), minimum);
                Map<CellSpec, List<CellResult>> forks = new LinkedHashMap<>();
                Map<CellSpec, Double> seconds = new LinkedHashMap<>();
                Instant started = Instant.now();
                for (int round = 0; round < minimum && !fork.stopped(); round++) {
                    List<CellSpec> shuffled = new ArrayList<>(point);
                    Collections.shuffle(shuffled, order);
                    for (CellSpec cell : shuffled) {
                        List<CellResult> mine = forks.computeIfAbsent(cell, c -> new ArrayList<>());
                        if (fork.stopped() || (!mine.isEmpty() && mine.getLast().status() != Status.OK)) {
                            continue;
                        }
                        long t0 = System.nanoTime();
                        mine.add(runFork(fork, plan, experiment, cell));
                        seconds.merge(cell, (System.nanoTime() - t0) / 1e9, Double::sum);
                    }
                }
                if (fork.stopped()) {
                    break;
                }
                for (CellSpec cell : point) {
                    List<CellResult> mine = forks.get(cell);
                    CellResult result = CellResult.ofForks(mine).recorded(runId, host, started.toString(), seconds.get(cell))
                            .withReasons(Collections.nCopies(mine.size(), MINIMUM));
                    record(results, dir, runId, result, state.size());
                    state.put(result.key(), result);
                    ran.put(result.key(), result);
                    clock.cellDone();
                    progress.finished(result, clock.elapsed(), clock.left());
                }
            }
            Map<String, CellSpec> specs = new LinkedHashMap<>();
            cells.forEach(c -> specs.put(c.key(), c));
            Set<String> closed = new java.util.HashSet<>();
            while (!fork.stopped()) {
                Optional<Budget.Step> step = Budget.next(catalog, plan, state, closed, clock.remainingSeconds());
                if (step.isEmpty()) {
                    break;
                }
                String key = step.get().cell();
                CellSpec cell = specs.get(key);
                if (cell == null) {
                    closed.add(key);
                    continue;
                }
                progress.added(cell.model().id(), step.get().why(), clock.elapsed(), clock.left());
                Experiment experiment = catalog.byName(cell.experiment()).orElseThrow();
                long t0 = System.nanoTime();
                CellResult one = runFork(fork, plan, experiment, cell);
                double took = (System.nanoTime() - t0) / 1e9;
                if (fork.stopped()) {
                    break;
                }
                CellResult before = state.get(key);
                CellResult after;
                if (one.status() == Status.OK) {
                    after = before.plus(one, BUDGET + step.get().why(), took);
                } else {
                    // a JVM that failed where earlier ones measured: the measured ones stand, said in the reasons
                    closed.add(key);
                    List<String> reasons = new ArrayList<>(before.forkReasons() == null ? List.of() : before.forkReasons());
                    reasons.add(BUDGET + step.get().why() + "; this JVM ended " + one.status().id() + ": " + one.message());
                    after = before.withReasons(reasons);
                }
                record(results, dir, runId, after, state.size());
                state.put(key, after);
                ran.put(key, after);
                extra++;
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return new Run(runId, dir, List.copyOf(ran.values()), done.size(), extra);
    }

    /**
     * Appends a cell to the results; when the machine refuses (a full disk), the run stops there with one
     * sentence: every line before is intact, and {@code --resume} measures the rest.
     */
    private static void record(ResultsFile results, Path dir, String runId, CellResult cell, int recorded) throws EnvironmentFault {
        try {
            results.add(cell);
        } catch (IOException e) {
            throw new EnvironmentFault("the run stopped: " + EnvironmentFault.sentence(e) + "; the " + recorded
                    + " cells recorded before are kept in " + dir.resolve(ResultsFile.NAME)
                    + "; make room, then finish the run with ./asyncbench run --resume " + runId, e);
        }
    }

    /** Why a JVM ran: every cell's first ones. */
    public static final String MINIMUM = "minimum";
    /** Why a JVM ran: the budget gave it to an undecided contrast, named after this prefix. */
    public static final String BUDGET = "budget: ";

    private CellResult runFork(Fork fork, Plan plan, Experiment experiment, CellSpec cell) throws InterruptedException {
        List<String> flags = Fork.flags(plan.jvmArgs(), experiment.jvmFlags(cell.params()));
        if (plan.records()) {
            flags.add("-D" + CellMain.FLIGHT_RECORDER + "=true");
        }
        return fork.run(cell, experiment.heapMegabytes(cell.model(), cell.params()), flags, experiment.launcher(cell.params()));
    }

    /** The cells grouped by point (experiment and parameters), in plan order of each point's first cell. */
    private static List<List<CellSpec>> byPoint(List<CellSpec> cells) {
        Map<String, List<CellSpec>> points = new LinkedHashMap<>();
        cells.forEach(c -> points.computeIfAbsent(c.experiment() + " " + c.params(), k -> new ArrayList<>()).add(c));
        return List.copyOf(points.values());
    }

    /** The run's time: since its start (less what a resumed run spent before), against its budget. */
    private static final class Clock {
        private final long start;
        private final Duration budget;
        private final int cells;
        private int cellsDone;

        Clock(long start, Duration budget, int cells) {
            this.start = start;
            this.budget = budget;
            this.cells = cells;
        }

        void cellDone() {
            cellsDone++;
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - start);
        }

        double remainingSeconds() {
            return (budget.toNanos() - (System.nanoTime() - start)) / 1e9;
        }

        /** The budget left; while cells remain, at least the time they take at the pace so far. */
        Duration left() {
            Duration elapsed = elapsed();
            Duration toBudget = budget.minus(elapsed);
            if (cellsDone == 0 || cellsDone >= cells) {
                return toBudget.isNegative() ? Duration.ZERO : toBudget;
            }
            Duration pace = elapsed.dividedBy(cellsDone).multipliedBy(cells - cellsDone);
            return pace.compareTo(toBudget) > 0 ? pace : toBudget;
        }
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
            Plan plan = readPlan(dir).whole();
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
        Path dir = newRunDirectory("-merged");
        String mergedId = dir.getFileName().toString();
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(PLAN).toFile(), whole);
        try (ResultsFile out = ResultsFile.append(dir.resolve(ResultsFile.NAME))) {
            for (CellResult c : cells) {
                out.add(c);
            }
        }
        return mergedId;
    }

    /**
     * A new run's directory, named after the time and {@code suffix}, created atomically: two runs started in
     * the same second get two directories.
     */
    private Path newRunDirectory(String suffix) throws IOException {
        Files.createDirectories(resultsRoot);
        String base = LocalDateTime.now().format(RUN_ID);
        for (int n = 1; ; n++) {
            Path dir = resultsRoot.resolve((n == 1 ? base : base + "-" + n) + suffix);
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // the next suffix
            }
        }
    }

    /** A run's plan; one that cannot be read (cut short, edited, of another version) is said in one sentence. */
    static Plan readPlan(Path dir) throws UsageException, IOException {
        try {
            return Json.MAPPER.readValue(dir.resolve(PLAN).toFile(), Plan.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UsageException("the plan of run " + dir.getFileName() + " (" + dir.resolve(PLAN)
                    + ") is unreadable: it is not a plan this asyncbench wrote; start a new run instead");
        }
    }

    /** When a run's plan was written: when the run started (or its shards were merged). */
    private static java.nio.file.attribute.FileTime planWritten(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(PLAN));
        } catch (IOException gone) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** The runs recorded under {@code root}, oldest first: in the order their plans were written, then by id. */
    public static List<String> runIds(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(PLAN)))
                    .sorted(Comparator.comparing((Path d) -> planWritten(d)).thenComparing(d -> d.getFileName().toString()))
                    .map(d -> d.getFileName().toString()).toList();
        }
    }
}
