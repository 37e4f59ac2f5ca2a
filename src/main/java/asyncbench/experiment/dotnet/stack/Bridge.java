package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongUnaryOperator;

/**
 * The cost of crossing between the two worlds, the .NET experiment's thunks between classic and
 * runtime-handled async. The async world is one event-loop thread; the blocking world is the model's
 * threads. Each iteration crosses once each way and back:
 * <ul>
 * <li>{@code callBlocking}: a CompletableFuture pipeline on the loop hands a call of blocking-style code
 * to the model's threads ({@code supplyAsync} on a pool of platform threads, one per core, or on a new
 * virtual thread per call) and goes on on the loop when it returns; coroutines use
 * {@code withContext(Dispatchers.IO)} from their own loop;</li>
 * <li>{@code callAsync}: blocking code on one of the model's threads calls an asynchronous operation run
 * by the loop and waits for it ({@code join}); coroutines call a suspend function from a platform
 * thread with {@code runBlocking}.</li>
 * </ul>
 * The figure is nanoseconds per crossing and back. Every call returns its argument plus one; the cell
 * fails unless the sum of the results is 1 + 2 + ... + iterations.
 */
public final class Bridge extends LoopExperiment<Void> {
    public static final String DIRECTION = "direction";
    public static final List<String> DIRECTIONS = List.of("callBlocking", "callAsync");
    public static final String NS_PER_CROSSING = "nsPerCrossing";
    public static final String ITERATIONS = "iterations";
    public static final String RESULTS = "sumOfResults";
    private static final long COUNTED_ITERATIONS = 5_000;
    /** What crosses: the work on the other side. */
    static final LongUnaryOperator WORK = x -> x + 1;

    private static final Spec SPEC = Spec.of("bridge", "an event loop's async code calling blocking code on the model's threads and back, or blocking code "
                + "calling async code on the loop and waiting; ns per crossing",
            new Origin("The .NET runtime experiment's bridging between the async and blocking worlds, both ways: async code calling "
                + "blocking code on threads, and blocking code waiting for an async operation.",
                "No published figure; nanoseconds per crossing and back."),
            List.of(Style.THREADS, Style.COROUTINES),
            List.of(Param.choice(DIRECTION, "which world calls the other", DIRECTIONS,
                List.of("callBlocking"), DIRECTIONS, DIRECTIONS)),
            new Headline(NS_PER_CROSSING, false, true))
            // Platform threads, virtual threads, and kotlinx.coroutines' own bridges.
            .withModels(List.of(asyncbench.model.Model.PLATFORM, asyncbench.model.Model.VIRTUAL, asyncbench.model.Model.COROUTINE));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    private static boolean callBlocking(Point point) {
        return point.choice(DIRECTION).equals("callBlocking");
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("async-loop").factory());
        CompletableFuture<Void> done = switch (runtime) {
            case ModelRuntime.Threads t -> callBlocking(point) ? callBlocking(t, loop, tally) : callAsync(t, loop, tally);
            case ModelRuntime.Coroutines c -> callBlocking(point)
                    ? CoroutineBridge.callBlocking(c.runtime(), tally) : CoroutineBridge.callAsync(loop, tally);
            case ModelRuntime.Callback _, ModelRuntime.Continuations _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException("no bridge from " + runtime.style());
        };
        return done.whenComplete((v, e) -> loop.shutdown());
    }

    /** A pipeline on the loop: each step hands the work to the model's threads and goes on on the loop. */
    private static CompletableFuture<Void> callBlocking(ModelRuntime.Threads threads, ExecutorService loop, Tally tally) {
        ExecutorService blocking = threads.osThreads()
                ? Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads.factory())
                : Executors.newThreadPerTaskExecutor(threads.factory());
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> step(0, blocking, loop, tally, done));
        return done.whenComplete((v, e) -> blocking.shutdown());
    }

    private static void step(long x, ExecutorService blocking, ExecutorService loop, Tally tally, CompletableFuture<Void> done) {
        if (!tally.more()) {
            done.complete(null);
            return;
        }
        CompletableFuture.supplyAsync(() -> WORK.applyAsLong(x), blocking).whenCompleteAsync((r, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
                return;
            }
            tally.sink += r;
            tally.next();
            step(x + 1, blocking, loop, tally, done);
        }, loop);
    }

    /** Blocking code on one of the model's threads calls an operation the loop runs, and waits for it. */
    private static CompletableFuture<Void> callAsync(ModelRuntime.Threads threads, ExecutorService loop, Tally tally) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        threads.factory().newThread(() -> {
            try {
                long x = 0;
                while (tally.more()) {
                    long arg = x++;
                    tally.sink += CompletableFuture.supplyAsync(() -> WORK.applyAsLong(arg), loop).join();
                    tally.next();
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }).start();
        return done;
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        requireSumOfIterationNumbers(tally, ITERATIONS, RESULTS);
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        return iterationsAndSink(tally, ITERATIONS, RESULTS);
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(NS_PER_CROSSING, nanosPerIteration(iterationsPerSecond));
    }
}
