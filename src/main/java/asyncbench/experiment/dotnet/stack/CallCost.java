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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The .NET runtime's minimum-call-cost benchmark: an async method that could suspend but does not
 * ({@code if (never == 0) await yield}), called ten times per iteration by an async caller. The figure
 * is calls per second, the original's unit. With {@code inlining=dontinline} (the default) the callee
 * is never inlined ({@code -XX:CompileCommand=dontinline,*::emptyAsync}, what JMH's
 * {@code @CompilerControl} does), so a call stays a call in every model; with {@code inline} the
 * compiler may see through it. The JIT's own record of its decisions ({@link InliningRecord}) checks
 * that the command matched: a {@code dontinline} cell fails if a compiler inlined the callee while it
 * ran; the cell records how often the compilers inlined it and refused to.
 */
public final class CallCost extends LoopExperiment<InliningRecord> {
    public static final String INLINING = "inlining";
    public static final List<String> INLININGS = List.of("dontinline", "inline");
    public static final String CALLS_PER_SECOND = "callsPerSecond";
    public static final String ITERATIONS = "iterations";
    public static final String RESULTS = "sumOfResults";
    /** Calls per iteration, as in the original. */
    static final int CALLS = 10;
    /** What each iteration's calls return in total: the sum of i + 1 for i below {@link #CALLS}. */
    static final long RESULT_PER_ITERATION = (long) CALLS * (CALLS + 1) / 2;
    private static final long COUNTED_ITERATIONS = 100_000;
    /** The callee's name in every model. */
    static final String CALLEE = "emptyAsync";
    /** The JIT's decisions on the callee's call sites while the cell ran, from its own record. */
    public static final String CALLEE_INLINED = "calleeInlined";
    public static final String CALLEE_NOT_INLINED = "calleeNotInlined";
    /** Never zero: the branch that would suspend is there, and never taken, as the original's {@code time == 0}. */
    public static double never = 1.0;

    private static final Spec SPEC = Spec.of("call-cost", "an async call that completes without suspending, ten per iteration; calls per second",
            new Origin("dotnet/runtime src/tests/async mincallcost-microbench: an async method that could suspend and does not, "
                + "called ten times per iteration, never inlined.",
                "117 M calls a second for classic .NET async, 500 M for its runtime-handled design."),
            LoopExperiment.CHAIN_STYLES,
            List.of(Param.choice(INLINING, "whether the compiler may inline the callee", INLININGS,
                List.of("dontinline"), List.of("dontinline"), INLININGS)),
            new Headline(CALLS_PER_SECOND, true))
            // One model per kind of call: a plain call is the same on a platform thread, one virtual thread or many.
            .without(Model.FUTURE_POOL, Model.VIRTUAL_ONE_CARRIER);

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<String> jvmFlags(Point point) {
        return point.choice(INLINING).equals("dontinline")
                ? List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,*::" + CALLEE)
                : List.of();
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    @Override
    protected InliningRecord open(Model model, Point point) {
        return InliningRecord.start();
    }

    @Override
    protected void close(InliningRecord inlining) {
        inlining.close();
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, InliningRecord cell) {
        return switch (runtime) {
            case ModelRuntime.Callback c -> new Futures(new FutureDriver(c), tally).start();
            case ModelRuntime.Coroutines c -> new CoroutineCalls(c.runtime(), tally).start();
            case ModelRuntime.Threads _, ModelRuntime.Continuations _ -> new Blocking(Plain.suspension(runtime), tally).start(runtime);
            case ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException(name() + " has no " + runtime.style() + " version");
        };
    }

    @Override
    protected void verify(Point point, Tally tally, InliningRecord inlining) throws WorkMismatchException {
        WorkMismatchException.requireEqual(ITERATIONS + "*" + RESULT_PER_ITERATION, tally.iterations() * RESULT_PER_ITERATION,
                RESULTS, tally.sink);
        WorkMismatchException.requireEqual("suspensions expected", 0, "suspensions", tally.suspensions);
        if (point.choice(INLINING).equals("dontinline")) {
            requireNeverInlined(inlining, CALLEE);
        }
    }

    /** Fails if a compiler inlined {@code callee} while the cell ran. */
    static void requireNeverInlined(InliningRecord inlining, String callee) throws WorkMismatchException {
        long inlined = decisions(inlining, callee).inlined();
        if (inlined > 0) {
            throw new WorkMismatchException("inlining=dontinline: the JIT inlined " + callee + " " + inlined
                    + " times; a call must stay a call");
        }
    }

    private static InliningRecord.Decisions decisions(InliningRecord inlining, String callee) {
        try {
            return inlining.decisions(callee);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, InliningRecord cell) {
        return iterationsAndSink(tally, ITERATIONS, RESULTS);
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, InliningRecord cell) {
        InliningRecord.Decisions decisions = decisions(cell, CALLEE);
        return Map.of(CALLS_PER_SECOND, perWindow(iterationsPerSecond, r -> r * CALLS, "calls/s"),
                CALLEE_INLINED, Metric.once(decisions.inlined(), "decisions"),
                CALLEE_NOT_INLINED, Metric.once(decisions.refused(), "decisions"));
    }

    /** A plain method; its suspension, never taken, is {@link Plain}'s. */
    private static final class Blocking {
        private final Runnable suspend;
        private final Tally tally;

        Blocking(Runnable suspend, Tally tally) {
            this.suspend = suspend;
            this.tally = tally;
        }

        CompletableFuture<Void> start(ModelRuntime runtime) {
            return Plain.start(runtime, () -> {
                while (tally.more()) {
                    long sum = 0;
                    for (int i = 0; i < CALLS; i++) {
                        sum += emptyAsync(i);
                    }
                    tally.sink += sum;
                    tally.next();
                }
            });
        }

        private long emptyAsync(long x) {
            if (never == 0) {
                tally.suspensions++;
                suspend.run();
            }
            return x + 1;
        }
    }

    /**
     * A CompletableFuture-returning method; the caller awaits each call as await does, going on at once
     * when the future is already complete and from its completion when not.
     */
    private static final class Futures {
        private final FutureDriver driver;
        private final Tally tally;

        Futures(FutureDriver driver, Tally tally) {
            this.driver = driver;
            this.tally = tally;
        }

        CompletableFuture<Void> start() {
            return driver.repeat(tally::more, () -> calls(0, 0), call -> {
                tally.sink += call.resultNow();
                tally.next();
            });
        }

        private CompletableFuture<Long> calls(int from, long sumSoFar) {
            long sum = sumSoFar;
            for (int i = from; i < CALLS; i++) {
                CompletableFuture<Long> call = emptyAsync(i);
                if (!call.isDone()) {
                    int next = i + 1;
                    long before = sum;
                    return call.thenCompose(r -> calls(next, before + r));
                }
                sum += call.resultNow();
            }
            return CompletableFuture.completedFuture(sum);
        }

        private CompletableFuture<Long> emptyAsync(long x) {
            if (never == 0) {
                tally.suspensions++;
                return driver.yieldNow().thenApply(v -> x + 1);
            }
            return CompletableFuture.completedFuture(x + 1);
        }
    }
}
