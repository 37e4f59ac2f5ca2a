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
 * The sawtooth of the .NET runtime-handled-tasks experiment, as its text gives it: "suspend first at
 * depth 20, then reach depth 30, return to depth 10 and suspend, reach depth 30, return to depth 10 and
 * suspend, etc." The task sits at depth {@code low}; its first tooth calls down, suspends at {@code mid}
 * and goes on down to {@code high}; every tooth returns all the way back to {@code low} and suspends
 * there, and every tooth after the first goes down to {@code high} and back without suspending. What it
 * isolates: each suspension after the first is at the same shallow depth, right after a deep excursion,
 * so a design that captures only what changed since the last suspension copies little. Depths are 10,
 * 20 and 30 frames times {@code scale}. The figure is nanoseconds per tooth; a loop suspends once a
 * tooth and once more at {@code mid}, which the cell checks.
 *
 * <p>CompletableFuture code keeps no frames below the task: its "depth" is the chain of stages the
 * tooth builds, and the frames under {@code low} do not exist for it.
 */
public final class Sawtooth extends LoopExperiment<Void> {
    public static final String SCALE = "scale";
    public static final String NS_PER_TOOTH = "nsPerTooth";
    public static final String ITERATIONS = "teeth";
    public static final String SINK = "sink";
    public static final String SUSPENSIONS = "suspensions";
    private static final int LOW = 10;
    private static final int MID = 20;
    private static final int HIGH = 30;
    private static final long COUNTED_ITERATIONS = 20_000;

    /** Depths of one point. */
    record Teeth(int low, int mid, int high) {
        static Teeth of(Point point) {
            int scale = point.intCount(SCALE);
            return new Teeth(LOW * scale, MID * scale, HIGH * scale);
        }

        /** Whether the tooth under way suspends at {@code mid}: the loop's first only. */
        static boolean suspendsAtMid(Tally tally) {
            return tally.iterations() == 0;
        }

        /** Suspensions of a loop of {@code teeth} teeth: one a tooth, at {@code low}, and one at {@code mid} in the first. */
        static long suspensions(long teeth) {
            return teeth + Math.min(teeth, 1);
        }

        /** What one tooth adds to the sink: every frame below low on the way back, and the value from the bottom. */
        long sinkPerTooth() {
            long sum = high;
            for (int level = low + 1; level < high; level++) {
                sum += level;
            }
            return sum;
        }
    }

    private static final Spec SPEC = Spec.of("sawtooth", "from depth 10 down to 30 and back to 10, suspending there, the first tooth also at 20 (depths x scale); ns per tooth",
            new Origin("The .NET experiment's point about depth: a stack-capturing design copies frames on every suspension; "
                + "calls down and back up between suspensions show what a suspension at depth costs.",
                "No published figure; the lab's own measure beside fibonacci."),
            LoopExperiment.CHAIN_STYLES,
            List.of(Param.of(SCALE, "depths are 10, 20 and 30 frames times scale", 1, 300,
                List.of(1L), List.of(1L), List.of(1L, 4L, 16L))),
            new Headline(NS_PER_TOOTH, false, true))
            // Every model that can suspend: not the platform thread, nor the pooled futures.
            .without(Model.FUTURE_POOL, Model.PLATFORM);

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        Teeth teeth = Teeth.of(point);
        return switch (runtime) {
            case ModelRuntime.Callback c -> new Futures(new FutureDriver(c), teeth, tally).start();
            case ModelRuntime.Coroutines c -> new CoroutineSawtooth(c.runtime(), teeth, tally).start();
            case ModelRuntime.Threads _, ModelRuntime.Continuations _ -> new Blocking(Plain.suspension(runtime), teeth, tally).start(runtime);
            case ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException(name() + " has no " + runtime.style() + " version");
        };
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        long n = tally.iterations();
        WorkMismatchException.requireEqual(ITERATIONS + "+1", Teeth.suspensions(n), SUSPENSIONS, tally.suspensions);
        WorkMismatchException.requireEqual(ITERATIONS + "*sinkPerTooth", n * Teeth.of(point).sinkPerTooth(), SINK, tally.sink);
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ITERATIONS, tally.iterations());
        counts.put(SUSPENSIONS, tally.suspensions);
        counts.put(SINK, tally.sink);
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(NS_PER_TOOTH, nanosPerIteration(iterationsPerSecond));
    }

    /** Plain calls; a suspension is {@link Plain}'s. */
    private static final class Blocking {
        private final Runnable suspend;
        private final Teeth teeth;
        private final Tally tally;

        Blocking(Runnable suspend, Teeth teeth, Tally tally) {
            this.suspend = suspend;
            this.teeth = teeth;
            this.tally = tally;
        }

        CompletableFuture<Void> start(ModelRuntime runtime) {
            return Plain.start(runtime, () -> base(1));
        }

        private void base(int level) {
            if (level < teeth.low()) {
                base(level + 1);
                return;
            }
            while (tally.more()) {
                long bottom = tooth(level + 1); // before reading the sink, which the tooth adds to
                tally.sink += bottom;
                suspend();
                tally.next();
            }
        }

        private long tooth(int level) {
            if (level == teeth.mid() && Teeth.suspendsAtMid(tally)) {
                suspend();
            }
            if (level == teeth.high()) {
                return level;
            }
            long below = tooth(level + 1);
            tally.sink += level;
            return below;
        }

        private void suspend() {
            tally.suspensions++;
            suspend.run();
        }
    }

    /** CompletableFuture stages; a suspension is {@link FutureDriver}'s dispatch. */
    private static final class Futures {
        private final FutureDriver driver;
        private final Teeth teeth;
        private final Tally tally;

        Futures(FutureDriver driver, Teeth teeth, Tally tally) {
            this.driver = driver;
            this.teeth = teeth;
            this.tally = tally;
        }

        CompletableFuture<Void> start() {
            return driver.repeat(tally::more, () -> tooth(teeth.low() + 1).thenCompose(bottom -> {
                tally.sink += bottom;
                return suspend();
            }), call -> tally.next());
        }

        private CompletableFuture<Long> tooth(int level) {
            if (level == teeth.mid() && Teeth.suspendsAtMid(tally)) {
                return suspend().thenCompose(v -> rest(level));
            }
            return rest(level);
        }

        private CompletableFuture<Long> rest(int level) {
            if (level == teeth.high()) {
                return CompletableFuture.completedFuture((long) level);
            }
            return tooth(level + 1).thenApply(below -> {
                tally.sink += level;
                return below;
            });
        }

        private CompletableFuture<Void> suspend() {
            tally.suspensions++;
            return driver.yieldNow();
        }
    }
}
