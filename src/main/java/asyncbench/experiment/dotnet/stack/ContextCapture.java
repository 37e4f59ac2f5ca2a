package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.Ratio;
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
 * What it costs to keep a request's context across every call, as the .NET experiment's
 * {@code Async2WithContextSaveRestore} against {@code Async2} (eh-microbench): a chain {@code depth}
 * frames deep whose leaf awaits {@code yields} yields and returns. Three ways to run it:
 * <ul>
 * <li>{@code saveRestore}, the original's (the default): every frame saves the context where it
 * starts and, on its way out, restores it if it changed. The leaf changes it (a context of its own,
 * as a callee that writes an async-local variable), so the leaf's frame has a restore to do, and the
 * top frame reads the context after its call: it must find its own request. Each model saves and
 * restores its own runtime's way: plain code around each call; a CompletableFuture chain at each call
 * and in the stage that goes on after it, on whatever thread that runs; a Kotlin suspend function
 * around each call, with the ThreadLocal reinstalled at each resumption by a {@code
 * ThreadContextElement};</li>
 * <li>{@code none}: the same chain without a context, the original's {@code Async2}; the report divides
 * {@code saveRestore} by it, per model: the original's 20-30%;</li>
 * <li>{@code read}: every frame reads the context after its call returns and adds the request's id to
 * the sum, the top frame having made it current once: what each carrier costs to read.</li>
 * </ul>
 * The carriers: {@code threadLocal} (the original's thread-static; the default), {@code
 * inheritableThreadLocal}, {@code scopedValue} (saving is binding it again for the callee, restoring is
 * the binding's end; a callee cannot change it for its caller), {@code coroutineContext} (Kotlin's own
 * element, immutable for a callee; coroutines only) and {@code parameter} (passed down, the floor).
 * The cell fails unless every frame saved (saves = iterations x depth), every leaf changed a
 * thread-local context (changes = iterations) and the top frame found its own request each time (the
 * sum of ids), or, reading, unless every frame saw its own request (depth x the sum of ids).
 */
public final class ContextCapture extends LoopExperiment<Void> {
    public static final String DEPTH = "depth";
    public static final String YIELDS = "yields";
    public static final String CONTEXT = "context";
    public static final String CARRIER = "carrier";
    public static final List<String> CONTEXTS = java.util.Arrays.stream(Context.values()).map(Context::id).toList();
    public static final List<String> CARRIERS = java.util.Arrays.stream(Carrier.values()).map(Carrier::id).toList();
    public static final String NS_PER_ITERATION = "nsPerIteration";
    public static final String ITERATIONS = "iterations";
    public static final String IDS = "sumOfIdsSeen";
    public static final String SAVES = "saves";
    public static final String CHANGES = "changes";
    public static final String SUSPENSIONS = "suspensions";
    static final ThreadLocal<Request> LOCAL = new ThreadLocal<>();
    static final ThreadLocal<Request> INHERITABLE = new InheritableThreadLocal<>();
    static final ScopedValue<Request> SCOPED = ScopedValue.newInstance();
    /** The context a leaf makes current, which its frame must take away again. */
    static final Request LEAFS_OWN = new Request(-1);
    private static final long COUNTED_ITERATIONS = 20_000;

    /** A request: what the context carries. */
    public record Request(long id) {
    }

    /** What each frame does with the context. */
    enum Context {
        SAVE_RESTORE, NONE, READ;

        String id() {
            return camel(name());
        }

        static Context of(Point point) {
            String id = point.choice(CONTEXT);
            return java.util.Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        }
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

        boolean threadLocal() {
            return this == THREAD_LOCAL || this == INHERITABLE_THREAD_LOCAL;
        }

        /** Its name as a choice: {@code threadLocal} for THREAD_LOCAL. */
        String id() {
            return camel(name());
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

        /** A leaf makes a context of its own current where the carrier lets a callee change its caller's: a thread-local variable. */
        void change(Tally tally) {
            if (threadLocal()) {
                tally.changes++;
                local().set(LEAFS_OWN);
            }
        }

        /** Restores the context saved as {@code saved} if the thread's is another, as the original's finally does. */
        void restore(Request saved) {
            if (threadLocal() && local().get() != saved) {
                local().set(saved);
            }
        }
    }

    private static String camel(String name) {
        String camel = java.util.Arrays.stream(name.split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining());
        return Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
    }

    private static final Spec SPEC = Spec.of("context-capture", "a request context saved and restored by every frame of a chain (or only read, or absent), "
                + "carried as a ThreadLocal, a ScopedValue, a coroutine context element or a parameter; ns per iteration",
            new Origin("The .NET runtime experiment's Async2WithContextSaveRestore against Async2: saving and restoring the execution context at every call.",
                "Its runtime-handled design paid 20-30% for it; here every model saves and restores its own runtime's way, and saveRestore / none is that figure."),
            LoopExperiment.CHAIN_STYLES,
            List.of(
                Param.of(DEPTH, "frames from the top frame to the leaf, each saving and restoring the context", 1, 10_000,
                        List.of(2L), List.of(2L), List.of(2L, 16L, 64L)),
                Param.of(YIELDS, "times the leaf awaits a yield (0: never suspends)", 0, 1_000,
                        List.of(0L), List.of(0L, 1L), List.of(0L, 1L)),
                Param.choice(CONTEXT, "what each frame does with the context: save it and restore it on its way out, nothing, or read it after its call",
                        CONTEXTS, List.of("saveRestore", "none"), List.of("saveRestore", "none"), CONTEXTS),
                Param.choice(CARRIER, "how the context travels", CARRIERS,
                        List.of("threadLocal"), List.of("threadLocal"), CARRIERS)),
            new Headline(NS_PER_ITERATION, false, true))
            .without(Model.FUTURE_POOL, Model.VIRTUAL_ONE_CARRIER, Model.SUSPEND)
            .withRatio(new Ratio(CONTEXT, "saveRestore", "none"));

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
        Context context = Context.of(point);
        Carrier carrier = Carrier.of(point);
        return switch (runtime) {
            case ModelRuntime.Callback c -> new Futures(new FutureDriver(c), depth, yields, context, carrier, tally).start();
            case ModelRuntime.Coroutines c -> new CoroutineContextChain(c.runtime(), depth, yields, context, carrier, tally).start();
            case ModelRuntime.Threads _, ModelRuntime.Continuations _ ->
                    new Blocking(Plain.suspension(runtime), depth, yields, context, carrier, tally).start(runtime);
            case ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException(name() + " has no " + runtime.style() + " version");
        };
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        long n = tally.iterations();
        long depth = point.count(DEPTH);
        Context context = Context.of(point);
        long readers = context == Context.READ ? depth : 1;
        WorkMismatchException.requireEqual(readers + "*(1+..+" + ITERATIONS + ")", readers * (n * (n + 1) / 2), IDS, tally.sink);
        WorkMismatchException.requireEqual(ITERATIONS + "*" + YIELDS, n * point.count(YIELDS), SUSPENSIONS, tally.suspensions);
        if (context == Context.SAVE_RESTORE) {
            WorkMismatchException.requireEqual(ITERATIONS + "*" + DEPTH, n * depth, SAVES, tally.saves);
            long changes = Carrier.of(point).threadLocal() ? n : 0;
            WorkMismatchException.requireEqual(ITERATIONS + " (a thread-local context)", changes, CHANGES, tally.changes);
        }
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ITERATIONS, tally.iterations());
        counts.put(IDS, tally.sink);
        if (Context.of(point) == Context.SAVE_RESTORE) {
            counts.put(SAVES, tally.saves);
            if (Carrier.of(point).threadLocal()) {
                counts.put(CHANGES, tally.changes);
            }
        }
        if (point.count(YIELDS) > 0) {
            counts.put(SUSPENSIONS, tally.suspensions);
        }
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(NS_PER_ITERATION, nanosPerIteration(iterationsPerSecond));
    }

    /** Plain calls: a ThreadLocal or ScopedValue is the one of the code's own thread. */
    private static final class Blocking {
        private final Runnable suspend;
        private final int depth;
        private final int yields;
        private final Context context;
        private final Carrier carrier;
        private final Tally tally;

        Blocking(Runnable suspend, int depth, int yields, Context context, Carrier carrier, Tally tally) {
            this.suspend = suspend;
            this.depth = depth;
            this.yields = yields;
            this.context = context;
            this.carrier = carrier;
            this.tally = tally;
        }

        CompletableFuture<Void> start(ModelRuntime runtime) {
            return Plain.start(runtime, () -> {
                long id = 0;
                while (tally.more()) {
                    Request request = new Request(++id);
                    tally.sink += switch (context) {
                        case NONE -> frame(depth - 1) + request.id();
                        case READ -> carrier.with(request, passed -> read(depth - 1, passed));
                        case SAVE_RESTORE -> carrier.with(request, passed -> saveRestore(depth - 1, passed) + carrier.current(passed).id());
                    };
                    tally.next();
                }
            });
        }

        private void leaf() {
            for (int i = 0; i < yields; i++) {
                tally.suspensions++;
                suspend.run();
            }
        }

        private long frame(int level) {
            if (level == 0) {
                leaf();
                return 0;
            }
            return frame(level - 1);
        }

        private long read(int level, Request passed) {
            if (level == 0) {
                leaf();
                return carrier.current(passed).id();
            }
            long below = read(level - 1, passed);
            return below + carrier.current(passed).id();
        }

        private long saveRestore(int level, Request passed) {
            Request saved = carrier.current(passed);
            tally.saves++;
            try {
                if (level == 0) {
                    leaf();
                    carrier.change(tally);
                    return 0;
                }
                // a ScopedValue is saved by binding it again for the callee (no lambda for the others)
                return carrier == Carrier.SCOPED_VALUE
                        ? ScopedValue.where(SCOPED, saved).call(() -> saveRestore(level - 1, passed))
                        : saveRestore(level - 1, passed);
            } finally {
                carrier.restore(saved);
            }
        }
    }

    /**
     * CompletableFuture stages: each frame saves the context at its call and restores it in the stage
     * that goes on after its callee, on the thread that runs that stage.
     */
    private static final class Futures {
        private final FutureDriver driver;
        private final int depth;
        private final int yields;
        private final Context context;
        private final Carrier carrier;
        private final Tally tally;
        private long id;

        Futures(FutureDriver driver, int depth, int yields, Context context, Carrier carrier, Tally tally) {
            this.driver = driver;
            this.depth = depth;
            this.yields = yields;
            this.context = context;
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
            Request request = new Request(++id);
            return switch (context) {
                case NONE -> frame(depth - 1).thenApply(r -> r + request.id());
                case READ -> carrier.with(request, passed -> read(depth - 1, passed));
                case SAVE_RESTORE -> carrier.with(request, passed -> {
                    Request captured = carrier.current(passed);
                    return saveRestore(depth - 1, passed).thenApply(r -> r + readAfter(captured, passed));
                });
            };
        }

        private CompletableFuture<Long> frame(int level) {
            return level == 0 ? leaf(0) : frame(level - 1).thenApply(r -> r);
        }

        private CompletableFuture<Long> read(int level, Request passed) {
            Request captured = carrier.current(passed);
            CompletableFuture<Long> below = level == 0 ? leaf(0) : read(level - 1, passed);
            return below.thenApply(r -> r + readRestored(captured));
        }

        private CompletableFuture<Long> saveRestore(int level, Request passed) {
            Request saved = carrier.current(passed);
            tally.saves++;
            CompletableFuture<Long> below = level == 0
                    ? leaf(0).thenApply(r -> {
                        carrier.change(tally);
                        return r;
                    })
                    : carrier == Carrier.SCOPED_VALUE
                            ? ScopedValue.where(SCOPED, saved).call(() -> saveRestore(level - 1, passed))
                            : saveRestore(level - 1, passed);
            return below.thenApply(r -> {
                carrier.restore(saved);
                return r;
            });
        }

        private CompletableFuture<Long> leaf(int awaited) {
            if (awaited < yields) {
                tally.suspensions++;
                return driver.yieldNow().thenCompose(v -> leaf(awaited + 1));
            }
            return CompletableFuture.completedFuture(0L);
        }

        /**
         * The top frame's reading after its call, on the thread that goes on: a thread-local variable as
         * the frames below left it, a ScopedValue bound again from what the top frame captured.
         */
        private long readAfter(Request captured, Request passed) {
            return switch (carrier) {
                case SCOPED_VALUE -> ScopedValue.where(SCOPED, captured).call(() -> SCOPED.get().id());
                default -> carrier.current(passed).id();
            };
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
