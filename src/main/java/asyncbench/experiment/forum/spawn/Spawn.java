package asyncbench.experiment.forum.spawn;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Spec;
import asyncbench.external.ContextSwitch;
import asyncbench.external.Original;
import asyncbench.external.Timing;
import asyncbench.experiment.loop.Plain;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import asyncbench.result.Metric;
import asyncbench.result.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jdk.internal.vm.Continuation;

/**
 * The suite's {@code thread-creation} and {@code async-creation}: spawn a batch of tasks that do
 * nothing, timing the creation loop alone, then join them all. Three figures per task: creation
 * (the creation loop's time over the batch, the originals' "per thread" and "per task"), creation to
 * body (from just before a task's spawn to the first instruction of its body, the originals' second
 * figure) and the batch (creation and join together). A batch of one is the one-at-a-time round trip
 * of a server that spawns a task and waits for it. Each model spawns its own way:
 * <ul>
 * <li>threads: {@code factory.newThread(task).start()}, joined with {@code join()}, the spawning loop
 * on a platform or a virtual thread ({@code spawner});</li>
 * <li>{@code future}: {@code CompletableFuture.runAsync(task)} on CompletableFuture's default executor
 * (the common pool, or a new thread per task where the common pool has fewer than two threads);</li>
 * <li>{@code futurePool}: {@code submit(task)} to the model's ForkJoinPool;</li>
 * <li>{@code continuation}: a new bare continuation of the task, all run to their ends by the
 * spawning thread after the batch is created;</li>
 * <li>coroutines: {@code launch} from the loop, then yields until the batch has run.</li>
 * </ul>
 * Each task proves it ran on the model's executor and outside its spawn call, and returns its number.
 */
public final class Spawn implements Experiment {
    public static final String SPAWNER = "spawner";
    public static final List<String> SPAWNERS = List.of("platform", "virtual");
    public static final String BATCH = "batch";
    public static final String CREATION_NS = "creationNsPerTask";
    public static final String TO_BODY_NS = "creationToBodyNs";
    public static final String BATCH_NS = "batchNsPerTask";
    public static final String ALLOC_BYTES = "allocBytesPerTask";
    public static final String THREADS_USED = "threadsUsed";
    public static final String TASKS = "tasks";
    public static final String SPAWNED = "tasksSpawned";
    public static final String RESULTS = "sumOfResults";
    /** Tasks of the counted run, at least one batch. */
    private static final long COUNTED_TASKS = 2_000;
    /** How long a loop of batches may take to end: 10,000 platform threads a batch are slow to start. */
    private static final long AWAIT_SECONDS = 600;

    private static final Spec SPEC = Spec.of("spawn",
            "spawn a batch of tasks that do nothing, the creation loop timed alone, then join them; ns per task",
            new Origin("The discussion \"When/why is async good for performance?\" and jimblandy/context-switch's "
                + "thread-creation (1,000 threads a batch) and async-creation (10,000 async-std tasks a batch): "
                + "the cost of creating a task, and the time from its creation to its body.",
                "About 17 us to create a thread and 0.3 us an async task, in the discussion."),
            List.of(Style.THREADS, Style.CALLBACK, Style.CONTINUATIONS, Style.COROUTINES),
            List.of(Param.choice(SPAWNER, "the thread the spawning loop runs on, for thread models", SPAWNERS,
                    List.of("platform"), List.of("platform"), SPAWNERS),
                Param.of(BATCH, "tasks spawned before any is joined: 1,000 as thread-creation, 10,000 as async-creation, "
                    + "1 for one at a time", 1, 100_000, List.of(1_000L), List.of(1_000L, 10_000L), List.of(1L, 1_000L, 10_000L))),
            new Headline(CREATION_NS, false, true))
            .withExternal(Model.RUST_THREAD_CREATION, Model.RUST_ASYNC_CREATION);

    /** The suite's repetitions of a batch, its default. */
    private static final long ORIGINAL_ITERATIONS = 100;

    /**
     * thread-creation and async-creation with {@code --tasks} the batch, from their main thread: the
     * creation loop timed alone per task, and creation to body per task.
     */
    @Override
    public Optional<Original> original(Model model, Point point) {
        long batch = point.count(BATCH);
        String program = switch (model) {
            case RUST_THREAD_CREATION -> "thread-creation";
            case RUST_ASYNC_CREATION -> "async-creation";
            default -> null;
        };
        if (program == null || !point.choice(SPAWNER).equals("platform")) {
            return Optional.empty();
        }
        return Optional.of(ContextSwitch.withOptions(program, List.of("--tasks", String.valueOf(batch)), ORIGINAL_ITERATIONS, timings -> {
            Map<String, Metric> metrics = new LinkedHashMap<>();
            metrics.put(CREATION_NS, timings.get(0).metric(1e9 / batch, "ns"));
            Timing body = timings.get(1);
            metrics.put(TO_BODY_NS, new Timing(body.label(), body.meanSeconds(), body.stddevSeconds(), body.count() * batch).metric(1e9, "ns"));
            return metrics;
        }, Map.of(BATCH, batch)));
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** The spawner is a choice for threads only: every other model spawns from its own loop, on a platform thread. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return model.style() == Style.THREADS ? grid : grid.stream().filter(p -> p.choice(SPAWNER).equals("platform")).toList();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 256;
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        return counters(counted(model, point));
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        Batches counted = counted(model, point);
        Batches timed;
        try (ModelRuntime runtime = model.open()) {
            timed = Batches.timed(size(point), measurement, onExecutor(runtime));
            await(start(runtime, point, timed));
            probe.peak();
        }
        timed.verify(TASKS, SPAWNED, RESULTS);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(CREATION_NS, timed.creationNanos());
        metrics.put(TO_BODY_NS, timed.toBodyNanos());
        metrics.put(BATCH_NS, timed.batchNanos());
        metrics.put(ALLOC_BYTES, Metric.once(timed.allocatedPerTask(), "bytes"));
        metrics.put(THREADS_USED, Metric.once(counted.threads(), "threads"));
        return new Outcome(metrics, counters(counted));
    }

    private static int size(Point point) {
        return Math.toIntExact(point.count(BATCH));
    }

    /** The counted run: whole batches, at least {@link #COUNTED_TASKS} tasks. */
    private Batches counted(Model model, Point point) throws Exception {
        int size = size(point);
        try (ModelRuntime runtime = model.open()) {
            Batches batches = Batches.counted(size, Math.ceilDiv(COUNTED_TASKS, size), onExecutor(runtime));
            await(start(runtime, point, batches));
            batches.verify(TASKS, SPAWNED, RESULTS);
            return batches;
        }
    }

    private static Map<String, Long> counters(Batches batches) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(TASKS, batches.tasks());
        counts.put(SPAWNED, batches.spawned());
        counts.put(RESULTS, batches.sum());
        return counts;
    }

    /**
     * Whether a task's body runs where the model runs its tasks, asked inside the body of the spawning
     * loop's thread: a thread of the model's kind, a thread of CompletableFuture's default executor or
     * of the model's pool, a bare continuation, or the coroutine loop (the spawning loop's own thread).
     */
    private static Predicate<Thread> onExecutor(ModelRuntime runtime) {
        return switch (runtime) {
            case ModelRuntime.Threads t -> spawner -> Thread.currentThread().isVirtual() != t.osThreads();
            case ModelRuntime.Callback c when c.runsInline() -> spawner -> !Thread.currentThread().isVirtual();
            case ModelRuntime.Callback c -> spawner -> Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == c.pool();
            case ModelRuntime.Continuations c -> spawner -> Plain.inContinuation();
            case ModelRuntime.Coroutines c -> spawner -> Thread.currentThread() == spawner;
            case ModelRuntime.EventLoop e -> throw new IllegalArgumentException("spawn has no " + e.style() + " version");
            case ModelRuntime.TaskExecutor e -> throw new IllegalArgumentException("spawn has no " + e.style() + " version");
        };
    }

    private static CompletableFuture<Void> start(ModelRuntime runtime, Point point, Batches batches) throws LimitReachedException {
        boolean fromVirtual = point.choice(SPAWNER).equals("virtual");
        return switch (runtime) {
            case ModelRuntime.Threads t -> {
                if (t.osThreads()) {
                    LimitReachedException.requireThreads(batches.size() + 1L);
                }
                yield spawning(fromVirtual, () -> threads(t.factory(), batches));
            }
            case ModelRuntime.Callback c -> spawning(false, () -> futures(batches, c.runsInline()
                    ? i -> CompletableFuture.runAsync(() -> batches.body(i))
                    : i -> c.pool().submit(() -> batches.body(i))));
            case ModelRuntime.Continuations c -> spawning(false, () -> continuations(batches));
            case ModelRuntime.Coroutines c -> CoroutineSpawn.start(c.runtime(), batches);
            case ModelRuntime.EventLoop e -> throw new IllegalArgumentException("spawn has no " + e.style() + " version");
            case ModelRuntime.TaskExecutor e -> throw new IllegalArgumentException("spawn has no " + e.style() + " version");
        };
    }

    private static CompletableFuture<Void> spawning(boolean onVirtual, Plain.Body loop) {
        return Plain.onThread((onVirtual ? Thread.ofVirtual() : Thread.ofPlatform()).name("spawner").factory(), loop);
    }

    /** Spawns task {@code i} of the batch the model's way, returning its handle. */
    private interface Spawner<H> {
        H spawn(int task) throws Exception;
    }

    /** Waits for a spawned task to end (and, for a continuation, runs it). */
    private interface Joiner<H> {
        void join(H handle) throws Exception;
    }

    /** The batches: each task spawned, the creation loop timed alone, then every task joined. */
    private static <H> void batches(Batches batches, Spawner<H> spawner, Joiner<H> joiner) throws Exception {
        @SuppressWarnings("unchecked")
        H[] handles = (H[]) new Object[batches.size()];
        while (batches.more()) {
            batches.beginBatch();
            for (int i = 0; i < handles.length; i++) {
                batches.beforeSpawn(i);
                handles[i] = spawner.spawn(i);
                batches.afterSpawn();
            }
            batches.created();
            for (H handle : handles) {
                joiner.join(handle);
            }
            batches.endBatch();
        }
    }

    private static void threads(ThreadFactory factory, Batches batches) throws Exception {
        Spawn.<Thread>batches(batches, task -> {
            Thread thread = factory.newThread(() -> batches.body(task));
            thread.start();
            return thread;
        }, Thread::join);
    }

    private static void futures(Batches batches, Spawner<Future<?>> submit) throws Exception {
        batches(batches, submit, Future::get);
    }

    private static void continuations(Batches batches) throws Exception {
        Spawn.<Continuation>batches(batches, task -> Plain.continuation(() -> batches.body(task)), continuation -> {
            continuation.run();
            if (!continuation.isDone()) {
                throw new IllegalStateException("a task that never yields did not finish");
            }
        });
    }

    private static void await(CompletableFuture<Void> done) throws Exception {
        try {
            done.get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
