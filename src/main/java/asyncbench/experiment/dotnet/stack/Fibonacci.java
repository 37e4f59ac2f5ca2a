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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The .NET runtime's fibonacci-with-yields: a recursive async fib(n) (fib(0) = fib(1) = 1) whose leaves
 * await a yield, here every {@code yieldEvery}-th leaf of each fib (1, the original: every leaf; 0:
 * never). The loop computes fib(n) again and again; the figure is nanoseconds per call, a fib(n) being
 * 2 fib(n) - 1 calls. Every model's leaves yield in the same order: the k-th leaf of an iteration is the
 * same call everywhere.
 */
public final class Fibonacci extends LoopExperiment<Void> {
    public static final String N = "n";
    public static final String YIELD_EVERY = "yieldEvery";
    public static final String NS_PER_CALL = "nsPerCall";
    public static final String ITERATIONS = "iterations";
    public static final String RESULTS = "sumOfResults";
    public static final String SUSPENSIONS = "suspensions";
    /** Calls of the untimed, fixed-work run, rounded to whole fibs. */
    private static final long COUNTED_CALLS = 1_000_000;

    private static final Spec SPEC = Spec.of("fibonacci", "recursive async fib(n), every yieldEvery-th leaf awaiting a yield (0: never); ns per call",
            new Origin("dotnet/runtime src/tests/async fibonacci-with-yields: a recursive async fib whose every leaf awaits a yield.",
                "The original runs fib(5) three times as a test and publishes no time; here fib(20), nanoseconds per call."),
            LoopExperiment.CHAIN_STYLES,
            List.of(
                Param.of(N, "fib's argument", 1, 40, List.of(15L), List.of(20L), List.of(25L)),
                Param.of(YIELD_EVERY, "a leaf awaits a yield every yieldEvery-th time (1: every leaf, as the original; 0: never)",
                        0, 1_000_000, List.of(1L), List.of(1L), List.of(0L, 1L, 10L, 100L))),
            new Headline(NS_PER_CALL, false))
            .without(Model.FUTURE_POOL);

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** A platform thread cannot suspend: it computes the same fib with plain calls, the floor. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return model.osThreadPerTask() ? withoutSuspensions(grid, YIELD_EVERY) : grid;
    }

    /** fib(n) with fib(0) = fib(1) = 1: the number of leaves, and the value every model must return. */
    static long fib(int n) {
        long a = 1;
        long b = 1;
        for (int i = 2; i <= n; i++) {
            long c = a + b;
            a = b;
            b = c;
        }
        return b;
    }

    static long callsPerFib(int n) {
        return 2 * fib(n) - 1;
    }

    private static int n(Point point) {
        return point.intCount(N);
    }

    private static int yieldEvery(Point point) {
        return point.intCount(YIELD_EVERY);
    }

    @Override
    protected long countedIterations(Point point) {
        return Math.max(1, COUNTED_CALLS / callsPerFib(n(point)));
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        int n = n(point);
        int every = yieldEvery(point);
        return switch (runtime) {
            case ModelRuntime.Callback c -> new Futures(new FutureDriver(c), every, tally).start(n);
            case ModelRuntime.Coroutines c -> new CoroutineFibonacci(c.runtime(), every, tally).start(n);
            case ModelRuntime.Threads _, ModelRuntime.Continuations _ -> new Blocking(Plain.suspension(runtime), every, tally).start(runtime, n);
            case ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException(name() + " has no " + runtime.style() + " version");
        };
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        long n = tally.iterations();
        long leaves = fib(n(point));
        int every = yieldEvery(point);
        WorkMismatchException.requireEqual(ITERATIONS + "*fib(n)", n * leaves, RESULTS, tally.sink);
        WorkMismatchException.requireEqual(ITERATIONS + "*fib(n)/" + YIELD_EVERY, every == 0 ? 0 : n * (leaves / every),
                SUSPENSIONS, tally.suspensions);
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ITERATIONS, tally.iterations());
        counts.put(RESULTS, tally.sink);
        if (yieldEvery(point) > 0) {
            counts.put(SUSPENSIONS, tally.suspensions);
        }
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        double calls = callsPerFib(n(point));
        return Map.of(NS_PER_CALL, timePerEvent(iterationsPerSecond, 1e9 / calls, "ns"));
    }

    /** Plain calls; a leaf's yield is {@link Plain}'s suspension. */
    private static final class Blocking {
        private final Runnable suspend;
        private final int every;
        private final Tally tally;
        private int leaves;

        Blocking(Runnable suspend, int every, Tally tally) {
            this.suspend = suspend;
            this.every = every;
            this.tally = tally;
        }

        CompletableFuture<Void> start(ModelRuntime runtime, int n) {
            return Plain.start(runtime, () -> {
                while (tally.more()) {
                    leaves = 0;
                    tally.sink += fib(n);
                    tally.next();
                }
            });
        }

        private int fib(int i) {
            if (i <= 1) {
                if (every > 0 && ++leaves % every == 0) {
                    tally.suspensions++;
                    suspend.run();
                }
                return 1;
            }
            int i1 = fib(i - 1);
            int i2 = fib(i - 2);
            return i1 + i2;
        }
    }

    /** CompletableFuture-returning calls composed with thenCompose; a leaf's yield is {@link FutureDriver}'s dispatch. */
    private static final class Futures {
        private final FutureDriver driver;
        private final int every;
        private final Tally tally;
        private int leaves;

        Futures(FutureDriver driver, int every, Tally tally) {
            this.driver = driver;
            this.every = every;
            this.tally = tally;
        }

        CompletableFuture<Void> start(int n) {
            return driver.repeat(tally::more, () -> {
                leaves = 0;
                return fib(n);
            }, call -> {
                tally.sink += call.resultNow();
                tally.next();
            });
        }

        private CompletableFuture<Integer> fib(int i) {
            if (i <= 1) {
                if (every > 0 && ++leaves % every == 0) {
                    tally.suspensions++;
                    return driver.yieldNow().thenApply(v -> 1);
                }
                return CompletableFuture.completedFuture(1);
            }
            return fib(i - 1).thenCompose(i1 -> fib(i - 2).thenApply(i2 -> i1 + i2));
        }
    }
}
