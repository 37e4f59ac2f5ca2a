package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Headline;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Param;
import asyncbench.experiment.Spec;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Plain;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import asyncbench.result.Metric;
import asyncbench.result.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A call from one async world into the other, as the .NET experiment's thunks (mincallcost's
 * {@code AsyncCallingAsync2} and {@code Async2CallingAsync}): the library's async, a
 * CompletableFuture, against the model's own, plain code on a thread or a bare continuation (the stack
 * the runtime captures) or a Kotlin suspend function. Each iteration makes one call; the callee does
 * next to nothing and says which thread it ran on.
 * <ul>
 * <li>{@code futureCallingModel}: CompletableFuture code awaits the model's code through an adapter that
 * returns a future (a completed one around a plain call; for Kotlin, a coroutine started on the
 * caller's thread that completes the future);</li>
 * <li>{@code modelCallingFuture}: the model's code awaits a method that returns a CompletableFuture
 * ({@code join} from plain code, {@code await()} from a suspend function).</li>
 * </ul>
 * With {@code crossing=sameThread} (the original's) nothing suspends: the adapter completes on the
 * caller's thread and the caller finds its result at once. With {@code crossing=crossThread} each world
 * has threads of its own: an event-loop thread for the futures, the model's threads for the rest
 * ({@code supplyAsync} on a pool of platform threads or a new virtual thread per call; {@code
 * withContext(Dispatchers.IO)} and {@code runBlocking} for coroutines), so each call is a hand-off and
 * back. The cell fails unless the results sum to 1 + 2 + ... + iterations and every callee ran where the
 * crossing puts it: on the caller's own thread, or on a thread of the other world.
 */
public final class Bridge extends LoopExperiment<Void> {
    public static final String DIRECTION = "direction";
    public static final String CROSSING = "crossing";
    public static final List<String> DIRECTIONS = List.of("futureCallingModel", "modelCallingFuture");
    public static final List<String> CROSSINGS = List.of("sameThread", "crossThread");
    public static final String NS_PER_CALL = "nsPerCall";
    public static final String ITERATIONS = "iterations";
    public static final String RESULTS = "sumOfResults";
    public static final String CROSSINGS_COUNTER = "crossings";
    private static final long COUNTED_ITERATIONS = 5_000;

    /** What the callee gives back: its argument plus one, and the thread it ran on. */
    public record Result(long value, Thread ranOn) {
    }

    /** The work on the other side. */
    public static Result work(long x) {
        return new Result(x + 1, Thread.currentThread());
    }

    /** A method of the future world that completes at once. */
    public static CompletableFuture<Result> emptyAsync(long x) {
        return CompletableFuture.completedFuture(work(x));
    }

    /**
     * The result as the caller takes it, counting the call a crossing when its callee ran where the
     * crossing puts it: on this thread, or on another.
     */
    public static long received(Result result, Tally tally, boolean sameThread) {
        if ((result.ranOn() == Thread.currentThread()) == sameThread) {
            tally.crossings++;
        }
        return result.value();
    }

    private static final Spec SPEC = Spec.of("bridge", "CompletableFuture code calling the model's code through an adapter, or the model's code awaiting "
                + "a CompletableFuture, on the caller's thread or handed to the other world's threads; ns per call",
            new Origin("The .NET runtime experiment's thunks between classic and runtime-handled async (mincallcost's "
                + "AsyncCallingAsync2 and Async2CallingAsync): an adapter each way, on the same thread.",
                "The original gives no figure beside its other calls; nanoseconds per call, and per hand-off and back across threads."),
            List.of(Style.THREADS, Style.CONTINUATIONS, Style.COROUTINES),
            List.of(Param.choice(DIRECTION, "which world calls the other", DIRECTIONS, DIRECTIONS, DIRECTIONS, DIRECTIONS),
                Param.choice(CROSSING, "the callee on the caller's thread, or handed to the other world's threads", CROSSINGS,
                    List.of("sameThread"), List.of("sameThread"), CROSSINGS)),
            new Headline(NS_PER_CALL, false, true))
            .withModels(List.of(Model.PLATFORM, Model.VIRTUAL, Model.CONTINUATION, Model.COROUTINE));

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** A bare continuation has no threads of its own to hand a call to. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return model == Model.CONTINUATION ? grid.stream().filter(Bridge::sameThread).toList() : grid;
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    private static boolean futureCallingModel(Point point) {
        return point.choice(DIRECTION).equals("futureCallingModel");
    }

    private static boolean sameThread(Point point) {
        return point.choice(CROSSING).equals("sameThread");
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        boolean fromFutures = futureCallingModel(point);
        if (sameThread(point)) {
            return switch (runtime) {
                case ModelRuntime.Threads _, ModelRuntime.Continuations _ ->
                        Plain.start(runtime, () -> sameThread(tally, fromFutures ? Bridge::thunk : Bridge::emptyAsync, fromFutures));
                case ModelRuntime.Coroutines c -> fromFutures
                        ? Plain.onThread(Thread.ofPlatform().name("future-caller").factory(), () -> sameThread(tally, CoroutineBridge::thunk, true))
                        : CoroutineBridge.awaitFutures(c.runtime(), tally);
                case ModelRuntime.Callback _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                        throw new IllegalArgumentException("no bridge from " + runtime.style());
            };
        }
        ExecutorService loop = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("async-loop").factory());
        CompletableFuture<Void> done = switch (runtime) {
            case ModelRuntime.Threads t -> fromFutures ? handToThreads(t, loop, tally) : handToLoop(t, loop, tally);
            case ModelRuntime.Coroutines c -> fromFutures
                    ? CoroutineBridge.handToDispatcher(c.runtime(), tally) : CoroutineBridge.handToLoop(loop, tally);
            case ModelRuntime.Callback _, ModelRuntime.Continuations _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException("no bridge from " + runtime.style());
        };
        return done.whenComplete((v, e) -> loop.shutdown());
    }

    /** The adapter from the model's plain code to the future world: its call's result in a completed future. */
    private static CompletableFuture<Result> thunk(long x) {
        return CompletableFuture.completedFuture(work(x));
    }

    /**
     * One call an iteration, on this thread: future code awaiting an adapter ({@code thenApply} on the
     * future it returns), or plain code joining a future method's result.
     */
    private static void sameThread(Tally tally, java.util.function.LongFunction<CompletableFuture<Result>> callee, boolean fromFutures) {
        long x = 0;
        while (tally.more()) {
            CompletableFuture<Result> call = callee.apply(x++);
            if (fromFutures) {
                CompletableFuture<Long> caller = call.thenApply(r -> received(r, tally, true));
                if (!caller.isDone()) {
                    throw new IllegalStateException("the adapter did not complete on the caller's thread");
                }
                tally.sink += caller.resultNow();
            } else {
                tally.sink += received(call.join(), tally, true);
            }
            tally.next();
        }
    }

    /** A pipeline on the loop: each step hands the work to the model's threads and goes on on the loop. */
    private static CompletableFuture<Void> handToThreads(ModelRuntime.Threads threads, ExecutorService loop, Tally tally) {
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
        CompletableFuture.supplyAsync(() -> work(x), blocking).whenCompleteAsync((r, e) -> {
            if (e != null) {
                done.completeExceptionally(e);
                return;
            }
            tally.sink += received(r, tally, false);
            tally.next();
            step(x + 1, blocking, loop, tally, done);
        }, loop);
    }

    /** Plain code on one of the model's threads calls an operation the loop runs, and waits for it. */
    private static CompletableFuture<Void> handToLoop(ModelRuntime.Threads threads, ExecutorService loop, Tally tally) {
        return Plain.onThread(threads.factory(), () -> {
            long x = 0;
            while (tally.more()) {
                long arg = x++;
                tally.sink += received(CompletableFuture.supplyAsync(() -> work(arg), loop).join(), tally, false);
                tally.next();
            }
        });
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        requireSumOfIterationNumbers(tally, ITERATIONS, RESULTS);
        String where = sameThread(point) ? " (callees on the caller's thread)" : " (callees on the other world's threads)";
        WorkMismatchException.requireEqual(ITERATIONS, tally.iterations(), CROSSINGS_COUNTER + where, tally.crossings);
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        Map<String, Long> counts = new LinkedHashMap<>(iterationsAndSink(tally, ITERATIONS, RESULTS));
        counts.put(CROSSINGS_COUNTER, tally.crossings);
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(NS_PER_CALL, nanosPerIteration(iterationsPerSecond));
    }
}
