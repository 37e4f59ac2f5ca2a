package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.Ratio;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The .NET runtime's exception micro-benchmark: a recursive async method called to a depth, whose leaf
 * awaits a yield {@code yields} times and then returns or throws; the top frame loops, catching, and
 * the figure is its iterations per 250 ms window, the original's unit. Each model runs the same method
 * in its own style ({@link Chain}); a suspension is the model's own.
 *
 * <p>By default ({@code failures=rethrown}) every frame observes the leaf's exception and rethrows it,
 * as each awaiting frame of the original's C# {@code Task} methods does; {@code failures=passed} lets
 * each model pass it up its own way ({@link Shape}).
 *
 * <p>Before timing, a fixed run of {@link #COUNTED_ITERATIONS} iterations gives the counters every
 * model must agree on. After timing, the cell fails unless every iteration either returned the
 * original's value or caught the leaf's exception, the leaf suspended {@code yields} times in each,
 * every middle frame rethrew the exception when the frames rethrow, and the sink holds exactly what
 * every frame of every iteration added to it.
 */
public final class Unwind extends LoopExperiment<Void> {
    public static final String DEPTH = "depth";
    public static final String YIELDS = "yields";
    public static final String FINALLY_RATE = "finallyRate";
    public static final String OUTCOME = "outcome";
    public static final List<String> OUTCOMES = List.of("return", "throw");
    public static final String FAILURES = "failures";
    public static final List<String> FAILURE_KINDS = List.of("rethrown", "passed");
    public static final String ITERATIONS_PER_WINDOW = "iterationsPer250ms";
    public static final String ITERATIONS = "iterations";
    public static final String RETURNED = "returned";
    public static final String CAUGHT = "caught";
    public static final String SUSPENSIONS = "suspensions";
    public static final String SINK = "sink";
    public static final String RETHROWN = "rethrown";
    /** Iterations of the untimed, fixed-work run. */
    static final long COUNTED_ITERATIONS = 2_000;
    /** The original's window. */
    private static final double WINDOW_SECONDS = 0.25;

    private final Spec spec;

    private Unwind(Spec spec) {
        this.spec = spec;
    }

    /** The original's table: return and throw, with and without a suspension, against depth. */
    public static Unwind exceptions() {
        return new Unwind(Spec.of("exceptions",
                "a recursive async call to depth frames; the leaf yields 'yields' times, then returns or throws, "
                        + "caught at the top; iterations per 250 ms window",
                new Origin("dotnet/runtime src/tests/async eh-microbench: a recursive async method depth frames deep whose leaf "
                        + "yields, then returns or throws, caught at the top; iterations per 250 ms.",
                        "The original's .NET table (classic Task and the runtime-handled design), another machine and runtime: "
                        + "for depth 1, no yield, a return, 7,976,995 iterations per 250 ms for classic Task."),
                CHAIN_STYLES,
                List.of(Param.of(DEPTH, "frames from the top frame to the leaf", 1, 10_000,
                                List.of(16L), List.of(64L), List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L)),
                        Param.of(YIELDS, "times the leaf awaits a yield before it finishes (0: never suspends)", 0, 1_000,
                                List.of(1L), List.of(0L, 1L), List.of(0L, 1L)),
                        Param.of(FINALLY_RATE, "a try/finally in every finallyRate-th frame (the original's 1000: none below depth 1000)",
                                1, 100_000, List.of(1000L), List.of(1000L), List.of(1000L)),
                        Param.choice(OUTCOME, "what the leaf does when it has finished yielding", OUTCOMES,
                                List.of("throw"), OUTCOMES, OUTCOMES),
                        failures(List.of("rethrown"), FAILURE_KINDS, FAILURE_KINDS)),
                new Headline(ITERATIONS_PER_WINDOW, true))
                // virtual threads on one carrier run the same plain code as on the default scheduler: left out of this table
                .without(Model.FUTURE_POOL, Model.VIRTUAL_ONE_CARRIER)
                // the original's question: how much dearer is a throw than a return, per model and depth
                .withRatio(new Ratio(OUTCOME, "throw", "return")));
    }

    /** Throwing through 32 frames, with a finally block in every finallyRate-th. */
    public static Unwind finallyDepth() {
        return new Unwind(Spec.of("finally-depth",
                "an exception thrown through 32 frames, a finally block in every finallyRate-th, with and without a "
                        + "suspension at the leaf; iterations per 250 ms window",
                new Origin("eh-microbench at a fixed depth of 32, sweeping how many of the frames run a finally block while the "
                        + "exception unwinds them (finallyRate, the original's option: 1 puts one in each of the 31 frames below "
                        + "the top, 1000 in none).",
                        "No separate published figure; the original's default puts a finally every 1,000 frames."),
                CHAIN_STYLES,
                List.of(Param.of(DEPTH, "frames from the top frame to the leaf", 1, 10_000,
                                List.of(32L), List.of(32L), List.of(32L)),
                        Param.of(YIELDS, "times the leaf awaits a yield before it throws (0: never suspends)", 0, 1_000,
                                List.of(1L), List.of(1L), List.of(0L, 1L)),
                        Param.of(FINALLY_RATE, "a try/finally in every finallyRate-th frame (1000: none)", 1, 100_000,
                                List.of(1L), List.of(1L, 1000L), List.of(1L, 2L, 4L, 8L, 16L, 1000L)),
                        Param.choice(OUTCOME, "what the leaf does when it has finished yielding", OUTCOMES,
                                List.of("throw"), List.of("throw"), List.of("throw")),
                        failures(List.of("rethrown"), List.of("rethrown"), FAILURE_KINDS)),
                new Headline(ITERATIONS_PER_WINDOW, true))
                .without(Model.FUTURE_POOL));
    }

    private static Param failures(List<String> smoke, List<String> quick, List<String> full) {
        return Param.choice(FAILURES, "rethrown: every frame observes a failure of its call and rethrows it, as an awaiting C# "
                + "frame does; passed: each model passes it up its own way (a stack unwinds, a future carries it as a value)",
                FAILURE_KINDS, smoke, quick, full);
    }

    /**
     * CompletableFuture first, the library continuations the others are compared with. The pooled
     * futures are left out (a yield would move the loop to another core), and so are virtual threads on
     * one carrier for the exceptions table (the same plain code as on the default scheduler; the
     * finally-depth experiment runs them).
     */
    @Override
    public Spec spec() {
        return spec;
    }

    /**
     * A platform thread cannot suspend: it is the floor, the same plain calls with no async at all. How
     * failures go up is a choice only where the leaf throws.
     */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        List<Point> points = grid.stream()
                .filter(p -> p.choice(OUTCOME).equals("throw") || p.choice(FAILURES).equals("rethrown")).toList();
        return model.osThreadPerTask() ? withoutSuspensions(points, YIELDS) : points;
    }

    static Shape shape(Point point) {
        return new Shape(point.intCount(DEPTH), point.intCount(YIELDS), point.intCount(FINALLY_RATE),
                point.choice(OUTCOME).equals("throw"), point.choice(FAILURES).equals("rethrown"));
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_ITERATIONS;
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Void cell) {
        return Chain.of(runtime, shape(point), tally).start();
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Void cell) {
        Shape shape = shape(point);
        // only what this shape makes happen: a counter that must stay zero is checked by verify
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ITERATIONS, tally.iterations());
        counts.put(shape.throwing() ? CAUGHT : RETURNED, shape.throwing() ? tally.caught : tally.returned);
        if (shape.yields() > 0) {
            counts.put(SUSPENSIONS, tally.suspensions);
        }
        if (shape.sinkPerIteration() != 0) {
            counts.put(SINK, tally.sink);
        }
        if (shape.rethrowsPerIteration() != 0) {
            counts.put(RETHROWN, tally.rethrown);
        }
        return counts;
    }

    /** Iterations per second as iterations per 250 ms window, the original's unit. */
    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Void cell) {
        return Map.of(ITERATIONS_PER_WINDOW, perWindow(iterationsPerSecond, r -> r * WINDOW_SECONDS, "iterations/250ms"));
    }

    @Override
    protected void verify(Point point, Tally tally, Void cell) throws WorkMismatchException {
        verify(shape(point), tally);
    }

    /** Every iteration ended one way, suspended as often as the shape says, and every frame added its values. */
    static void verify(Shape shape, Tally tally) throws WorkMismatchException {
        long n = tally.iterations();
        WorkMismatchException.requireEqual(ITERATIONS, n, RETURNED + "+" + CAUGHT, tally.returned + tally.caught);
        WorkMismatchException.requireEqual(ITERATIONS, shape.throwing() ? n : 0, CAUGHT, tally.caught);
        WorkMismatchException.requireEqual(ITERATIONS + "*" + YIELDS, n * shape.yields(), SUSPENSIONS, tally.suspensions);
        WorkMismatchException.requireEqual(ITERATIONS + "*sinkPerIteration", n * shape.sinkPerIteration(), SINK, tally.sink);
        WorkMismatchException.requireEqual(ITERATIONS + "*rethrowsPerIteration", n * shape.rethrowsPerIteration(), RETHROWN, tally.rethrown);
    }
}
