package asyncbench.experiment.dotnet.stack;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exception benchmark's call chain does the same work in every model, suspending and not, returning and throwing. */
class UnwindTest {
    private static final Unwind EXCEPTIONS = Unwind.exceptions();

    static Point point(long depth, long yields, long finallyRate, String outcome) {
        return point(depth, yields, finallyRate, outcome, "rethrown");
    }

    static Point point(long depth, long yields, long finallyRate, String outcome, String failures) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put(Unwind.FAILURES, failures);
        point.put(Unwind.DEPTH, depth);
        point.put(Unwind.YIELDS, yields);
        point.put(Unwind.FINALLY_RATE, finallyRate);
        point.put(Unwind.OUTCOME, outcome);
        return Point.of(point);
    }

    @Test
    void sinkAddsEachFramesValuesOncePerWriteByHand() {
        // depth 3: frames 2 and 1 sit between the top and the leaf; with finallyRate 2 frame 2 writes twice
        // when it returns (finally, then after the call) and once when the leaf throws (its finally)
        long frame1 = (1 * 3 + 1) + 1 + 1 + 1;
        long frame2 = (2 * 3 + 1) + 2 + 1 + 2;
        assertEquals(frame1 + 2 * frame2, new Shape(3, 1, 2, false).sinkPerIteration());
        assertEquals(frame2, new Shape(3, 1, 2, true).sinkPerIteration());
        assertEquals(0, new Shape(1, 1, 1, false).sinkPerIteration());
    }

    @Test
    void aLostFrameWriteIsAMismatch() {
        Shape shape = new Shape(4, 1, 1000, false);
        Tally tally = Tally.counted(1);
        tally.suspensions = 1;
        tally.sink = shape.sinkPerIteration() - 1;
        Shape.returned(tally, Shape.RESULT);
        assertThrows(WorkMismatchException.class, () -> Unwind.verify(shape, tally));
    }

    @Test
    void platformThreadsRunOnlyTheNonSuspendingPoints() {
        List<Point> grid = List.of(point(4, 0, 1000, "throw"), point(4, 1, 1000, "throw"));
        assertEquals(List.of(grid.get(0)), EXCEPTIONS.points(Model.PLATFORM, grid));
        assertEquals(grid, EXCEPTIONS.points(Model.VIRTUAL, grid));
    }

    /**
     * A deep chain with finally blocks, suspending twice at the leaf, each way a failure can go up: every
     * model counts the same, and when the frames rethrow, each of the 39 middle frames rethrew once an iteration.
     */
    @Test
    void everyModelCountsTheSameAtASuspendingThrowingPoint() throws Exception {
        for (String failures : Unwind.FAILURE_KINDS) {
            for (String outcome : Unwind.OUTCOMES) {
                Point point = point(40, 2, 3, outcome, failures);
                Map<String, Long> expected = EXCEPTIONS.countOnce(Model.FUTURE, point);
                assertEquals(Unwind.COUNTED_ITERATIONS * 2, expected.get(Unwind.SUSPENSIONS));
                assertEquals(Unwind.COUNTED_ITERATIONS, expected.get(outcome.equals("throw") ? Unwind.CAUGHT : Unwind.RETURNED));
                boolean rethrows = outcome.equals("throw") && failures.equals("rethrown");
                assertEquals(rethrows ? Unwind.COUNTED_ITERATIONS * 39 : null, expected.get(Unwind.RETHROWN), failures + " " + outcome);
                for (Model model : EXCEPTIONS.spec().models()) {
                    if (model != Model.PLATFORM) {
                        assertEquals(expected, EXCEPTIONS.countOnce(model, point), model + " " + outcome + " " + failures);
                    }
                }
            }
        }
    }

    /** A frame that let the exception pass without rethrowing it, where every frame must, is a mismatch. */
    @Test
    void aFrameThatDidNotRethrowIsAMismatch() {
        Shape shape = new Shape(4, 0, 1000, true, true);
        Tally tally = Tally.counted(1);
        tally.rethrown = shape.rethrowsPerIteration() - 1;
        Shape.caught(tally, new LeafException());
        WorkMismatchException e = assertThrows(WorkMismatchException.class, () -> Unwind.verify(shape, tally));
        assertTrue(e.getMessage().contains(Unwind.RETHROWN), e.getMessage());
        assertEquals(0, new Shape(4, 0, 1000, true, false).rethrowsPerIteration(), "passed: nothing to count");
        assertEquals(0, new Shape(4, 0, 1000, false, true).rethrowsPerIteration(), "a return rethrows nothing");
    }

    @Test
    void howFailuresGoUpIsAChoiceOnlyWhereTheLeafThrows() {
        List<Point> grid = List.of(point(4, 1, 1000, "return", "rethrown"), point(4, 1, 1000, "return", "passed"),
                point(4, 1, 1000, "throw", "rethrown"), point(4, 1, 1000, "throw", "passed"));
        assertEquals(List.of(grid.get(0), grid.get(2), grid.get(3)), EXCEPTIONS.points(Model.VIRTUAL, grid));
    }

    @Test
    void aStoppedLoopEndsAtOnce() throws Exception {
        Shape shape = new Shape(2, 1, 1000, false);
        Tally tally = Tally.counted(10);
        tally.stop();
        for (Model model : EXCEPTIONS.spec().models()) {
            try (ModelRuntime runtime = model.open()) {
                Chain.of(runtime, shape, tally).start().get(10, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, tally.iterations());
    }
}
