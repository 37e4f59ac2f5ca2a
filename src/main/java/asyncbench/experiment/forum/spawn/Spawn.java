package asyncbench.experiment.forum.spawn;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Plain;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jdk.internal.vm.Continuation;

/**
 * The cost of a short-lived task: create it, start it, let it run to its end and join it, one after
 * another, as a server that spawns a task per connection does. Each model's own way:
 * <ul>
 * <li>threads: {@code factory.newThread(task).start()} and {@code join()}, the spawning loop itself on a
 * platform thread or on a virtual thread ({@code spawner});</li>
 * <li>{@code future}: {@code CompletableFuture.supplyAsync(task)} on the common pool, and {@code join()};</li>
 * <li>{@code futurePool}: {@code submit(task)} to the model's ForkJoinPool, and {@code join()};</li>
 * <li>{@code continuation}: a new bare continuation of the task, run to its end;</li>
 * <li>coroutines: {@code launch} from the loop, then a yield that lets it run to its end.</li>
 * </ul>
 * Each task returns its own number; the cell fails unless the sum of what the spawner got back is
 * 1 + 2 + ... + tasks. The figure is nanoseconds per task; bytes allocated per task are recorded.
 */
public final class Spawn extends LoopExperiment<Void> {
    public static final String SPAWNER = "spawner";
    public static final List<String> SPAWNERS = List.of("platform", "virtual");
    public static final String NS_PER_TASK = "nsPerTask";
    public static final String TASKS = "tasks";
    public static final String RESULTS = "sumOfResults";
    private static final long COUNTED_TASKS = 2_000;

    private static final Spec SPEC = Spec.of("spawn", "create, start, run to its end and join one short-lived task after another; ns per task",
            new Origin("The discussion \"When/why is async good for performance?\" and jimblandy/context-switch: the cost of "
                + "creating, starting and joining one short-lived task.",
                "About 17 us a thread and 0.3 us an async task in the discussion; 61.8 us and 0.68 us for the suite's Rust "
                + "programs on a machine of this kind."),
            List.of(Style.THREADS, Style.CALLBACK, Style.CONTINUATIONS, Style.COROUTINES),
            List.of(Param.choice(SPAWNER, "the thread the spawning loop runs on, for thread models", SPAWNERS,
                List.of("platform"), SPAWNERS, SPAWNERS)),
            new Headline(NS_PER_TASK, false, true));

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
    protected long countedIterations(Point point) {
        return COUNTED_TASKS;
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        boolean fromVirtual = point.choice(SPAWNER).equals("virtual");
        return switch (runtime) {
            case ModelRuntime.Threads t -> loop(fromVirtual, tally, id -> {
                long[] result = new long[1];
                Thread thread = t.factory().newThread(() -> result[0] = id);
                thread.start();
                thread.join();
                return result[0];
            });
            case ModelRuntime.Callback c -> loop(false, tally, id -> c.runsInline()
                    ? CompletableFuture.supplyAsync(() -> id).join()
                    : c.pool().submit(() -> id).get());
            case ModelRuntime.Continuations c -> loop(false, tally, id -> {
                long[] result = new long[1];
                Continuation continuation = Plain.continuation(() -> result[0] = id);
                continuation.run();
                if (!continuation.isDone()) {
                    throw new IllegalStateException("a task that never yields did not finish");
                }
                return result[0];
            });
            case ModelRuntime.Coroutines c -> CoroutineSpawn.start(c.runtime(), tally);
            case ModelRuntime.EventLoop e -> throw new IllegalArgumentException("spawn has no " + e.style() + " version");
            case ModelRuntime.TaskExecutor e -> throw new IllegalArgumentException("spawn has no " + e.style() + " version");
        };
    }

    /** Spawns one task at a time, the n-th returning n, on a platform or a virtual thread, until the tally says stop. */
    private static CompletableFuture<Void> loop(boolean onVirtual, Tally tally, Task task) {
        return Plain.onThread((onVirtual ? Thread.ofVirtual() : Thread.ofPlatform()).name("spawner").factory(), () -> {
            long id = 0;
            while (tally.more()) {
                tally.sink += task.spawnAndJoin(++id);
                tally.next();
            }
        });
    }

    /** One task: spawned, run to its end and joined; returns what it returned. */
    private interface Task {
        long spawnAndJoin(long id) throws Exception;
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        requireSumOfIterationNumbers(tally, TASKS, RESULTS);
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        return iterationsAndSink(tally, TASKS, RESULTS);
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(NS_PER_TASK, nanosPerIteration(iterationsPerSecond));
    }
}
