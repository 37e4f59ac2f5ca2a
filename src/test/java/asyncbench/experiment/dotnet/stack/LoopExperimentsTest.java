package asyncbench.experiment.dotnet.stack;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Profile;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.model.Model;
import asyncbench.catalog.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loop experiment, at every point of its quick grid (suspending ones included, which the
 * catalog-wide conformance test does not reach), does the same work in every model that runs the point;
 * and its timed loop runs and stops in every model.
 */
class LoopExperimentsTest {
    static Stream<LoopExperiment> experiments() {
        return new Catalog.BuiltIn().experiments().stream()
                .filter(LoopExperiment.class::isInstance).map(LoopExperiment.class::cast);
    }

    static List<Point> grid(Experiment e, Profile profile) {
        List<Point> grid = new ArrayList<>();
        grid.add(Point.EMPTY);
        for (Param p : e.spec().params()) {
            List<Point> next = new ArrayList<>();
            for (Point partial : grid) {
                for (Object v : p.values(profile)) {
                    next.add(partial.with(p.name(), v));
                }
            }
            grid = next;
        }
        return grid;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void everyModelDoesTheSameWorkAtEveryQuickPoint(LoopExperiment experiment) throws Exception {
        List<Point> grid = grid(experiment, Profile.QUICK);
        for (Point point : grid) {
            if (!experiment.launcher(point).isEmpty()) {
                continue; // a cell that runs under a launcher (taskset) runs in its own JVM only
            }
            Map<String, Long> expected = null;
            Model first = null;
            for (Model model : experiment.spec().jvmModels()) {
                if (!experiment.points(model, grid).contains(point)) {
                    continue;
                }
                Map<String, Long> counts = experiment.countOnce(model, point);
                if (expected == null) {
                    expected = counts;
                    first = model;
                    counts.forEach((name, value) -> assertTrue(value != 0, experiment.name() + " counted no " + name + " at " + point));
                } else {
                    assertEquals(expected, counts, experiment.name() + " at " + point + ": " + model + " against " + first);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void theTimedLoopRunsAndStopsInEveryModel(LoopExperiment experiment) throws Exception {
        List<Point> grid = grid(experiment, Profile.SMOKE);
        Measurement tiny = new Measurement(0, 2, Duration.ofMillis(20));
        for (Model model : experiment.spec().jvmModels()) {
            for (Point point : experiment.points(model, grid)) {
                Outcome outcome = experiment.run(model, point, tiny, Probe.NONE);
                Metric headline = outcome.metrics().get(experiment.spec().headline().metric());
                assertEquals(2, headline.samples().size(), experiment.name() + " " + model);
                assertTrue(headline.value() > 0, experiment.name() + " " + model + " measured nothing");
                Metric allocated = outcome.metrics().get(LoopExperiment.ALLOC_BYTES_PER_ITERATION);
                assertTrue(allocated != null && allocated.value() >= 0, experiment.name() + " " + model + " allocation");
            }
        }
    }

    @Test
    void fibonacciCountsLeavesAndCalls() {
        // fib(0) = fib(1) = 1: 1, 1, 2, 3, 5, 8; fib(5) makes 1 + 9 + 5 calls
        assertEquals(8, Fibonacci.fib(5));
        assertEquals(15, Fibonacci.callsPerFib(5));
    }

    @Test
    void aToothAddsEveryFrameBetweenLowAndHigh() {
        // frames 11..29 on the way back, and 30 from the bottom
        assertEquals(380 + 30, new Sawtooth.Teeth(10, 20, 30).sinkPerTooth());
    }

    @Test
    void eachModelCarriesWhatItCanKeepAcrossASuspension() {
        assertFalse(ContextCapture.carries(Model.COROUTINE, ContextCapture.Carrier.SCOPED_VALUE));
        assertTrue(ContextCapture.carries(Model.COROUTINE, ContextCapture.Carrier.COROUTINE_CONTEXT));
        assertFalse(ContextCapture.carries(Model.FUTURE, ContextCapture.Carrier.COROUTINE_CONTEXT));
        assertTrue(ContextCapture.carries(Model.VIRTUAL, ContextCapture.Carrier.SCOPED_VALUE));
    }

    @Test
    void theCalleeIsKeptOutOfLineUnlessAsked() {
        CallCost cost = new CallCost();
        assertTrue(cost.jvmFlags(Point.of(Map.of(CallCost.INLINING, "dontinline"))).contains("-XX:CompileCommand=dontinline,*::emptyAsync"));
        assertEquals(List.of(), cost.jvmFlags(Point.of(Map.of(CallCost.INLINING, "inline"))));
    }

    /**
     * The JIT's record proves the dontinline command matched (this JVM runs with the cell's command, as
     * the build's test configuration gives it), and a method the JIT did inline fails the check.
     */
    @Test
    void callCostFailsUnlessTheJitNeverInlinedTheCallee() throws Exception {
        CallCost cost = new CallCost();
        for (Model model : cost.spec().jvmModels()) {
            Map<String, Long> counts = cost.countOnce(model, Point.of(Map.of(CallCost.INLINING, "dontinline")));
            assertTrue(counts.get(CallCost.ITERATIONS) > 0, model.toString());
        }
        try (InliningRecord inlining = InliningRecord.start()) {
            long sum = 0;
            for (int i = 0; i < 200_000; i++) {
                sum += inlinedHere(i);
            }
            assertTrue(sum > 0);
            InliningRecord.Decisions decisions = inlining.decisions("inlinedHere");
            assertTrue(decisions.inlined() > 0, "a small hot method is inlined: " + decisions);
            org.junit.jupiter.api.Assertions.assertThrows(asyncbench.experiment.WorkMismatchException.class,
                    () -> CallCost.requireNeverInlined(inlining, "inlinedHere"));
        }
    }

    private static long inlinedHere(long x) {
        return x + 1;
    }

    /** As the seed says: the first tooth suspends at 20, then every tooth only at 10, after its excursion to 30. */
    @Test
    void sawtoothSuspendsAtMidOnceThenAtLowOnceATooth() throws Exception {
        Sawtooth sawtooth = new Sawtooth();
        for (Model model : sawtooth.spec().jvmModels()) {
            Map<String, Long> counts = sawtooth.countOnce(model, Point.of(Map.of(Sawtooth.SCALE, 1L)));
            assertEquals(counts.get(Sawtooth.ITERATIONS) + 1, counts.get(Sawtooth.SUSPENSIONS), model.toString());
        }
        assertEquals(0, Sawtooth.Teeth.suspensions(0));
        assertEquals(11, Sawtooth.Teeth.suspensions(10));
    }
}
