package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.FutureDriver;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Plain;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What it costs to carry a request's context across every call and suspension, as the .NET
 * experiment's save/restore of the execution context at each call ("Async2WithContextSaveRestore").
 * Each iteration is a new request; every frame of a chain {@code depth} deep reads the request after its
 * call returns (after any suspension below it) and adds the request's id to the sum. The carriers:
 * <ul>
 * <li>{@code parameter}: passed down explicitly, the floor;</li>
 * <li>{@code threadLocal}: set by the top frame; plain code reads it where it runs; CompletableFuture code
 * captures it at each call and restores it in the stage that goes on, as an execution context is
 * captured and restored; Kotlin installs it as a {@code ThreadContextElement}
 * ({@code asContextElement}), which kotlinx.coroutines sets and resets at every resumption;</li>
 * <li>{@code inheritableThreadLocal}: the same with an {@code InheritableThreadLocal}, the variable a
 * child thread starts with a copy of;</li>
 * <li>{@code scopedValue}: bound by the top frame ({@code ScopedValue.where(...).call}); CompletableFuture
 * stages bind it again from the value they captured; Kotlin cannot keep a binding across a
 * suspension, so coroutines do not run it;</li>
 * <li>{@code coroutineContext}: Kotlin's own, an element of the coroutine's context, read with
 * {@code coroutineContext[key]}; coroutines only.</li>
 * </ul>
 * The cell fails unless the sum is {@code depth} times the sum of the requests' ids: every frame saw
 * its own request, never a neighbour's.
 */
public final class ContextCapture extends LoopExperiment<Void> {
    public static final String DEPTH = "depth";
    public static final String YIELDS = "yields";
    public static final String CARRIER = "carrier";
    public static final List<String> CARRIERS = java.util.Arrays.stream(Carrier.values()).map(Carrier::id).toList();
    public static final String NS_PER_ITERATION = "nsPerIteration";
    public static final String ITERATIONS = "iterations";
    public static final String IDS = "sumOfIdsSeen";
    public static final String SUSPENSIONS = "suspensions";
    static final ThreadLocal<Request> LOCAL = new ThreadLocal<>();
    static final ThreadLocal<Request> INHERITABLE = new InheritableThreadLocal<>();
    static final ScopedValue<Request> SCOPED = ScopedValue.newInstance();
    private static final long COUNTED_ITERATIONS = 20_000;

    /** A request: what the context carries. */
    public record Request(long id) {
    }

    /** How the context travels. */
    enum Carrier {
        PARAMETER, THREAD_LOCAL, SCOPED_VALUE, COROUTINE_CONTEXT, INHERITABLE_THREAD_LOCAL;

        /** The thread-local variable of a thread-local carrier. */
        ThreadLocal<Request> local() {
            return switch (this) {
                case THREAD_LOCAL -> LOCAL;
                case INHERITABLE_THREAD_LOCAL -> INHERITABLE;
                default -> throw new IllegalStateException(this + " is not a thread-local variable");
            };
        }

        /** Its name as a choice: {@code threadLocal} for THREAD_LOCAL. */
        String id() {
            String camel = java.util.Arrays.stream(name().split("_"))
                    .map(w -> w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining());
            return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        }

        static Carrier of(Point point) {
            String id = point.choice(CARRIER);
            return java.util.Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        }

        /**
         * Runs {@code chain} with {@code request} made current the carrier's way: set as the thread's
         * ThreadLocal, bound as the ScopedValue, or given to the chain as its parameter (else null).
         */
        <T> T with(Request request, Function<Request, T> chain) {
            return switch (this) {
                case PARAMETER -> chain.apply(request);
                case THREAD_LOCAL, INHERITABLE_THREAD_LOCAL -> {
                    local().set(request);
                    yield chain.apply(null);
                }
                case SCOPED_VALUE -> ScopedValue.where(SCOPED, request).call(() -> chain.apply(null));
                case COROUTINE_CONTEXT -> throw new IllegalArgumentException("a coroutine context is Kotlin's");
            };
        }

        /** The request where the code runs now: the parameter it was passed, or the thread's binding. */
        Request current(Request passed) {
            return switch (this) {
                case PARAMETER -> passed;
                case THREAD_LOCAL, INHERITABLE_THREAD_LOCAL -> local().get();
                case SCOPED_VALUE -> SCOPED.get();
                case COROUTINE_CONTEXT -> throw new IllegalArgumentException("a coroutine context is Kotlin's");
            };
        }
    }

    private static final Spec SPEC = Spec.of("context-capture", "a request context read by every frame of a chain after its call, carried as a parameter, a ThreadLocal, "
                + "an InheritableThreadLocal, a ScopedValue or a coroutine context element; ns per iteration",
            new Origin("The .NET runtime experiment's execution-context cost: saving and restoring a request context at every call.",
                "Its runtime-handled design paid 20-30% for it at every call; here nothing suspends and the figure is ns per request."),
            LoopExperiment.CHAIN_STYLES,
            List.of(
                Param.of(DEPTH, "frames from the top frame to the leaf, each reading the context", 1, 10_000,
                        List.of(4L), List.of(16L), List.of(1L, 16L, 64L)),
                Param.of(YIELDS, "times the leaf awaits a yield (0: never suspends)", 0, 1_000,
                        List.of(0L), List.of(0L), List.of(0L, 1L)),
                Param.choice(CARRIER, "how the request travels", CARRIERS,
                        List.of("threadLocal"), CARRIERS.subList(0, 4), CARRIERS)),
            new Headline(NS_PER_ITERATION, false, true))
            .without(Model.FUTURE_POOL, Model.VIRTUAL_ONE_CARRIER, Model.SUSPEND);

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** Each model runs the carriers it can keep across a suspension; a platform thread only the points that do not suspend. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        List<Point> runnable = model.osThreadPerTask() ? withoutSuspensions(grid, YIELDS) : grid;
        return runnable.stream().filter(p -> carries(model, Carrier.of(p))).toList();
    }

    static boolean carries(Model model, Carrier carrier) {
        return switch (carrier) {
            case PARAMETER, THREAD_LOCAL, INHERITABLE_THREAD_LOCAL -> true;
            case SCOPED_VALUE -> model.style() != Style.COROUTINES;
            case COROUTINE_CONTEXT -> model.style() == Style.COROUTINES;
        };
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        int depth = point.intCount(DEPTH);
        int yields = point.intCount(YIELDS);
        Carrier carrier = Carrier.of(point);
        return switch (runtime) {
            case ModelRuntime.Callback c -> new Futures(new FutureDriver(c), depth, yields, carrier, tally).start();
            case ModelRuntime.Coroutines c -> new CoroutineContextChain(c.runtime(), depth, yields, carrier, tally).start();
            case ModelRuntime.Threads _, ModelRuntime.Continuations _ -> new Blocking(Plain.suspension(runtime), depth, yields, carrier, tally).start(runtime);
            case ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException(name() + " has no " + runtime.style() + " version");
        };
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        long n = tally.iterations();
        long depth = point.count(DEPTH);
        WorkMismatchException.requireEqual(DEPTH + "*(1+..+" + ITERATIONS + ")", depth * (n * (n + 1) / 2), IDS, tally.sink);
        WorkMismatchException.requireEqual(ITERATIONS + "*" + YIELDS, n * point.count(YIELDS), SUSPENSIONS, tally.suspensions);
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ITERATIONS, tally.iterations());
        counts.put(IDS, tally.sink);
        if (point.count(YIELDS) > 0) {
            counts.put(SUSPENSIONS, tally.suspensions);
        }
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(NS_PER_ITERATION, nanosPerIteration(iterationsPerSecond));
    }

    /** Plain calls: a ThreadLocal or ScopedValue is read where the code runs, which is its own thread. */
    private static final class Blocking {
        private final Runnable suspend;
        private final int depth;
        private final int yields;
        private final Carrier carrier;
        private final Tally tally;

        Blocking(Runnable suspend, int depth, int yields, Carrier carrier, Tally tally) {
            this.suspend = suspend;
            this.depth = depth;
            this.yields = yields;
            this.carrier = carrier;
            this.tally = tally;
        }

        CompletableFuture<Void> start(ModelRuntime runtime) {
            return Plain.start(runtime, () -> {
                long id = 0;
                while (tally.more()) {
                    long sum = carrier.with(new Request(++id), passed -> frame(depth - 1, passed));
                    tally.sink += sum;
                    tally.next();
                }
            });
        }

        private long frame(int level, Request passed) {
            if (level == 0) {
                for (int i = 0; i < yields; i++) {
                    tally.suspensions++;
                    suspend.run();
                }
                return carrier.current(passed).id();
            }
            long below = frame(level - 1, passed);
            return below + carrier.current(passed).id();
        }
    }

    /** CompletableFuture stages: each call captures the context, and the stage that goes on after it restores it. */
    private static final class Futures {
        private final FutureDriver driver;
        private final int depth;
        private final int yields;
        private final Carrier carrier;
        private final Tally tally;
        private long id;

        Futures(FutureDriver driver, int depth, int yields, Carrier carrier, Tally tally) {
            this.driver = driver;
            this.depth = depth;
            this.yields = yields;
            this.carrier = carrier;
            this.tally = tally;
        }

        CompletableFuture<Void> start() {
            return driver.repeat(tally::more, this::request, call -> {
                tally.sink += call.resultNow();
                tally.next();
            });
        }

        private CompletableFuture<Long> request() {
            return carrier.with(new Request(++id), passed -> frame(depth - 1, passed));
        }

        private CompletableFuture<Long> frame(int level, Request passed) {
            Request captured = carrier.current(passed);
            CompletableFuture<Long> below = level == 0 ? leaf(0) : frame(level - 1, passed);
            return below.thenApply(r -> r + readRestored(captured));
        }

        private CompletableFuture<Long> leaf(int awaited) {
            if (awaited < yields) {
                tally.suspensions++;
                return driver.yieldNow().thenCompose(v -> leaf(awaited + 1));
            }
            return CompletableFuture.completedFuture(0L);
        }

        /** Reads the context as the code after an await would, with the captured context restored around it. */
        private long readRestored(Request captured) {
            return switch (carrier) {
                case PARAMETER -> captured.id();
                case THREAD_LOCAL, INHERITABLE_THREAD_LOCAL -> {
                    ThreadLocal<Request> local = carrier.local();
                    Request previous = local.get();
                    local.set(captured);
                    try {
                        yield local.get().id();
                    } finally {
                        local.set(previous);
                    }
                }
                case SCOPED_VALUE -> ScopedValue.where(SCOPED, captured).call(() -> SCOPED.get().id());
                case COROUTINE_CONTEXT -> throw new IllegalArgumentException("coroutines only");
            };
        }
    }
}
