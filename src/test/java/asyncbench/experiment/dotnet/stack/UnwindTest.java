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
        Map<String, Object> point = new LinkedHashMap<>();
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

    /** A deep chain with finally blocks, suspending twice at the leaf: every model counts the same. */
    @Test
    void everyModelCountsTheSameAtASuspendingThrowingPoint() throws Exception {
        for (String outcome : Unwind.OUTCOMES) {
            Point point = point(40, 2, 3, outcome);
            Map<String, Long> expected = EXCEPTIONS.countOnce(Model.FUTURE, point);
            assertEquals(Unwind.COUNTED_ITERATIONS * 2, expected.get(Unwind.SUSPENSIONS));
            assertEquals(Unwind.COUNTED_ITERATIONS, expected.get(outcome.equals("throw") ? Unwind.CAUGHT : Unwind.RETURNED));
            for (Model model : EXCEPTIONS.spec().models()) {
                if (model != Model.PLATFORM) {
                    assertEquals(expected, EXCEPTIONS.countOnce(model, point), model + " " + outcome);
                }
            }
        }
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
