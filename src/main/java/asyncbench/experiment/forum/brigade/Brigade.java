package asyncbench.experiment.forum.brigade;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Chart;
import asyncbench.experiment.Growth;
import asyncbench.experiment.Headline;
import asyncbench.experiment.LimitReachedException;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.external.ContextSwitch;
import asyncbench.external.Original;
import asyncbench.external.Timing;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import asyncbench.os.KernelLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The bucket brigade of the "context-switch" suite (thread-brigade, async-brigade, one-thread-brigade,
 * async-mem-brigade): {@code tasks} tasks in {@code chains} chains, each task taking a one-byte token
 * from the pipe in front of it and writing it into the next; a driver writes a token into every
 * chain's first pipe and reads it back from every chain's last, and that is one iteration. Each hop
 * may do busywork (volatile reads of a buffer, checked). The figure is milliseconds per iteration.
 *
 * <p>Over connected UNIX stream sockets ({@code transport=unixSocket}, the default: the suite's
 * {@code UnixStream::pair} in thread-brigade and async-brigade alike), OS pipes ({@code pipe}) or
 * in-memory one-slot channels ({@code memory}, as async-mem-brigade).
 * Threads block on their pipe, pinned to one CPU or not ({@code cpus}); bare continuations, futures,
 * coroutines and the event loop wait on a Selector; the event loop also runs one loop per core, or
 * as the floor: one thread that makes every read and write itself ({@code loop=direct}).
 *
 * <p>Every cell checks its work: every token comes back through every task of its chain (each hop adds
 * one to it), every task made one hop per iteration, and the busywork's sums are right.
 */
public final class Brigade extends LoopExperiment<Brigade.Cell> {
    public static final String TASKS = "tasks";
    public static final String CHAINS = "chains";
    public static final String BUSYWORK = "busywork";
    public static final String TRANSPORT = "transport";
    public static final List<String> TRANSPORTS = Transport.ids();
    public static final String CPUS = "cpus";
    public static final List<String> CPU_SETS = List.of("all", "one");
    public static final String LOOP = "loop";
    public static final List<String> LOOPS = List.of("selector", "perCore", "direct");

    public static final String MS_PER_ITERATION = "msPerIteration";
    public static final String NS_PER_HOP = "nsPerHop";
    public static final String MEMORY_BYTES = "memoryBytes";
    public static final String ITERATIONS = "iterations";
    public static final String HOPS = "hops";
    public static final String ARRIVALS = "tokensBack";
    public static final String CHECKSUM = "busyworkChecksum";
    private static final long COUNTED_ITERATIONS = 200;
    /** Descriptors kept free for the JVM, the jar and the selectors. */
    private static final long SPARE_DESCRIPTORS = 256;

    /** A cell's brigades: its fixed-work one, then its timed one. */
    static final class Cell {
        /** The brigade of the run under way. */
        Crew crew;
        /** Resident memory plus heap after a GC, once the cell's first brigade had made its first iteration. */
        long memoryBytes = -1;
    }

    private static final Spec SPEC = Spec.of("brigade", "a token passed along chains of tasks over OS pipes (or in memory), optional busywork per hop; ms per iteration",
            new Origin("jimblandy/context-switch's bucket brigade: 500 tasks in a chain passing a one-byte token over OS pipes "
                + "(thread-brigade, async-brigade on tokio, one-thread-brigade).",
                "The suite's Rust programs on a machine of this kind, 500 tasks: thread-brigade 2.38 ms an iteration (2.76 ms "
                + "under taskset), async-brigade 1.83 ms, one-thread-brigade 0.54 ms."),
            List.of(Style.THREADS, Style.CONTINUATIONS, Style.CALLBACK, Style.EVENT_LOOP, Style.COROUTINES),
            List.of(
                Param.of(TASKS, "tasks in the brigade (the original: 500)", List.of(100L), List.of(500L), List.of(500L)),
                Param.of(CHAINS, "chains the tasks are split into, a token each", List.of(1L), List.of(1L),
                        List.of(1L, 2L, 4L, 8L, 16L, 64L)),
                Param.of(BUSYWORK, "volatile reads of a buffer at each hop", 0, 65_536,
                        List.of(0L), List.of(0L), List.of(0L, 8_192L, 65_536L)),
                Param.choice(TRANSPORT, "what links the tasks: connected UNIX stream sockets (the suite's UnixStream pairs, "
                        + "in thread-brigade and async-brigade alike: the default), OS pipes, or in-memory one-slot channels (async-mem-brigade's)",
                        TRANSPORTS, List.of("unixSocket"), List.of("unixSocket"), TRANSPORTS),
                Param.choice(CPUS, "CPUs the cell's JVM may use (one: taskset -c 0); platform threads only", CPU_SETS,
                        List.of("all"), CPU_SETS, CPU_SETS),
                Param.choice(LOOP, "the event loop: one Selector thread, one per core, or one thread making every hop itself",
                        LOOPS, List.of("selector"), List.of("selector", "direct"), LOOPS)),
            new Headline(MS_PER_ITERATION, false, true))
            // Memory grows with the tasks: the slope is the memory of one more task and the link in front of it.
            .withGrowth(new Growth(TASKS, MEMORY_BYTES, "bytes per task"))
            // Time per iteration as the tasks are split into more chains, one line per model.
            .withCharts(List.of(Chart.against("Brigade: time per iteration against chains", CHAINS, MS_PER_ITERATION, "ms per iteration", true, true)))
            .withExternal(Model.RUST_THREADS, Model.RUST_TOKIO, Model.RUST_ONE_THREAD);

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public Optional<String> reject(Point point) {
        if (point.count(CHAINS) > point.count(TASKS)) {
            return Optional.of("chains must be at most tasks (" + point.count(TASKS) + "), not " + point.count(CHAINS));
        }
        return Optional.empty();
    }

    /** Pinning is a choice for platform threads, the loop for the event loop; one loop per core needs chains to share. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return grid.stream()
                .filter(p -> model.osThreadPerTask() || p.choice(CPUS).equals("all"))
                .filter(p -> model.style() == Style.EVENT_LOOP ? !loop(p).equals("perCore") || p.count(CHAINS) > 1 : loop(p).equals("selector"))
                .toList();
    }

    /**
     * The suite's own programs, where a point is one of theirs (one chain, no busywork): thread-brigade
     * and async-brigade over UnixStream pairs with {@code --threads} tasks (thread-brigade under taskset
     * at cpus=one, as the cell's JVM is), async-mem-brigade for the in-memory transport and
     * one-thread-brigade for the event loop's {@code loop=direct}, both fixed at 500 tasks.
     */
    @Override
    public Optional<Original> original(Model model, Point point) {
        int tasks = point.intCount(TASKS);
        if (point.count(CHAINS) != 1 || point.count(BUSYWORK) != 0) {
            return Optional.empty();
        }
        Transport transport = transport(point);
        String loop = loop(point);
        boolean allCpus = !pinned(point);
        Map<String, Long> told = Map.of(TASKS, (long) tasks);
        List<String> threads = List.of("--threads", String.valueOf(tasks));
        return Optional.ofNullable(switch (model) {
            case RUST_THREADS -> transport == Transport.UNIX_SOCKET && loop.equals("selector")
                    ? ContextSwitch.withOptions("thread-brigade", threads, ORIGINAL_ITERATIONS, t -> figures(t, tasks), told) : null;
            case RUST_TOKIO -> !allCpus || !loop.equals("selector") ? null
                    : transport == Transport.UNIX_SOCKET ? ContextSwitch.withOptions("async-brigade", threads, ORIGINAL_ITERATIONS, t -> figures(t, tasks), told)
                    : transport == Transport.MEMORY && tasks == ORIGINAL_TASKS ? ContextSwitch.fixed("async-mem-brigade", ORIGINAL_ITERATIONS, t -> figures(t, tasks), told)
                    : null;
            case RUST_ONE_THREAD -> allCpus && transport == Transport.UNIX_SOCKET && loop.equals("direct") && tasks == ORIGINAL_TASKS
                    ? ContextSwitch.fixed("one-thread-brigade", ORIGINAL_ITERATIONS, t -> figures(t, tasks), told) : null;
            default -> null;
        });
    }

    /** The suite's tasks and repetitions, fixed in one-thread-brigade and async-mem-brigade, defaults in the others. */
    private static final int ORIGINAL_TASKS = 500;
    private static final long ORIGINAL_ITERATIONS = 10_000;

    private static Map<String, Metric> figures(List<Timing> timings, int tasks) {
        Timing t = timings.getFirst();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(MS_PER_ITERATION, t.metric(1e3, "ms"));
        metrics.put(NS_PER_HOP, t.metric(1e9 / tasks, "ns"));
        return metrics;
    }

    @Override
    public List<String> launcher(Point point) {
        return pinned(point) ? List.of("taskset", "-c", "0") : List.of();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 128 + point.count(TASKS) / 256;
    }

    @Override
    protected Cell open(Model model, Point point) throws Exception {
        long tasks = point.count(TASKS);
        if (pinned(point) && Runtime.getRuntime().availableProcessors() != 1) {
            throw new IllegalStateException("cpus=one, but this JVM may use " + Runtime.getRuntime().availableProcessors()
                    + " CPUs: it was not started under taskset");
        }
        if (transport(point).usesDescriptors()) {
            long needed = Crew.descriptors(tasks, point.count(CHAINS)) + SPARE_DESCRIPTORS;
            long limit = KernelLimits.openFiles();
            if (limit >= 0 && needed > limit) {
                throw new LimitReachedException((limit - SPARE_DESCRIPTORS) / 2, "ulimit -n",
                        tasks + " tasks over pipes need " + needed + " file descriptors; ulimit -n allows " + limit);
            }
        }
        if (model.osThreadPerTask()) {
            LimitReachedException.requireThreads(tasks + 1);
        }
        return new Cell();
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Cell cell) {
        int tasks = point.intCount(TASKS);
        int chains = point.intCount(CHAINS);
        int busywork = point.intCount(BUSYWORK);
        Transport transport = transport(point);
        boolean memory = transport == Transport.MEMORY;
        boolean measure = cell.memoryBytes < 0;
        Crew crew;
        CompletableFuture<Void> done;
        try {
            switch (runtime) {
                case ModelRuntime.Threads t -> {
                    crew = new Crew(tasks, chains, busywork, transport, true, measure);
                    done = PlainBrigade.threads(t.factory(), crew, tally);
                }
                case ModelRuntime.Continuations c -> {
                    crew = new Crew(tasks, chains, busywork, transport, false, measure, new Reactor());
                    done = PlainBrigade.continuations(c, crew, tally);
                }
                case ModelRuntime.Callback c -> {
                    crew = new Crew(tasks, chains, busywork, transport, false, measure, new Reactor());
                    done = LoopBrigade.futures(crew, tally, c.runsInline() ? crew.driverReactor() : c.pool());
                }
                case ModelRuntime.EventLoop e -> {
                    String loop = loop(point);
                    if (loop.equals("direct")) {
                        crew = new Crew(tasks, chains, busywork, transport, true, measure);
                        done = PlainBrigade.direct(crew, tally);
                    } else {
                        int loops = loop.equals("perCore") ? Runtime.getRuntime().availableProcessors() : 1;
                        Reactor[] reactors = new Reactor[loops];
                        for (int i = 0; i < loops; i++) {
                            reactors[i] = new Reactor();
                        }
                        crew = new Crew(tasks, chains, busywork, transport, false, measure, reactors);
                        done = LoopBrigade.eventLoop(crew, tally);
                    }
                }
                case ModelRuntime.Coroutines c -> {
                    crew = memory ? new Crew(tasks, chains, busywork, transport, false, measure) : new Crew(tasks, chains, busywork, transport, false, measure, new Reactor());
                    done = CoroutineBrigade.start(c.runtime(), crew, tally, memory ? null : crew.driverReactor());
                }
                case ModelRuntime.TaskExecutor e -> throw new IllegalArgumentException("brigade has no " + e.style() + " version");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cell.crew = crew;
        Crew wired = crew;
        CompletableFuture<Void> ended = new CompletableFuture<>();
        done.whenComplete((r, e) -> {
            Throwable failure = e;
            try {
                wired.close();
            } catch (RuntimeException closing) {
                failure = failure == null ? closing : failure;
            }
            if (failure != null) {
                ended.completeExceptionally(failure);
            } else {
                ended.complete(null);
            }
        });
        return ended;
    }

    @Override
    protected void verify(Point point, Tally tally, Cell cell) throws WorkMismatchException {
        Crew crew = cell.crew;
        long n = tally.iterations();
        for (int k = 0; k < crew.tasks(); k++) {
            WorkMismatchException.requireEqual(ITERATIONS, n, "hops of task " + k, crew.hops(k));
        }
        WorkMismatchException.requireEqual(ITERATIONS + " x chains", n * crew.chains(), ARRIVALS, crew.arrivals());
        WorkMismatchException.requireEqual("hops x sum per hop", crew.totalHops() * crew.sumPerHop(), CHECKSUM, crew.checksum());
        if (cell.memoryBytes < 0) {
            cell.memoryBytes = crew.memoryBytes();
        }
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Cell cell) {
        Crew crew = cell.crew;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ITERATIONS, tally.iterations());
        counts.put(HOPS, crew.totalHops());
        counts.put(ARRIVALS, crew.arrivals());
        if (point.count(BUSYWORK) > 0) {
            counts.put(CHECKSUM, crew.checksum());
        }
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Cell cell) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(MS_PER_ITERATION, timePerEvent(iterationsPerSecond, 1e3, "ms"));
        metrics.put(NS_PER_HOP, timePerEvent(iterationsPerSecond, 1e9 / point.count(TASKS), "ns"));
        if (cell.memoryBytes > 0) {
            metrics.put(MEMORY_BYTES, Metric.once(cell.memoryBytes, "bytes"));
        }
        return metrics;
    }

    private static Transport transport(Point point) {
        return Transport.byId(point.choice(TRANSPORT));
    }

    private static boolean pinned(Point point) {
        return point.choice(CPUS).equals("one");
    }

    private static String loop(Point point) {
        return point.choice(LOOP);
    }
}
