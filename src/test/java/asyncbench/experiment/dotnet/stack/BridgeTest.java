package asyncbench.experiment.dotnet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.result.Point;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every call crosses as its point says: on the caller's thread through an adapter, or to the other world's threads. */
class BridgeTest {
    private static final Bridge BRIDGE = new Bridge();

    static Point point(String direction, String crossing) {
        return Point.of(Map.of(Bridge.DIRECTION, direction, Bridge.CROSSING, crossing));
    }

    @Test
    void everyModelCrossesEveryWayItCan() throws Exception {
        for (Model model : BRIDGE.spec().models()) {
            for (String direction : Bridge.DIRECTIONS) {
                for (String crossing : Bridge.CROSSINGS) {
                    Point point = point(direction, crossing);
                    if (BRIDGE.points(model, List.of(point)).isEmpty()) {
                        continue;
                    }
                    Map<String, Long> counts = BRIDGE.countOnce(model, point);
                    assertEquals(counts.get(Bridge.ITERATIONS), counts.get(Bridge.CROSSINGS_COUNTER), model + " " + direction + " " + crossing);
                }
            }
        }
    }

    @Test
    void aCalleeOnTheWrongThreadIsNotACrossing() throws Exception {
        Thread other = Thread.ofPlatform().unstarted(() -> { });
        Tally tally = Tally.counted(2);
        tally.sink += Bridge.received(Bridge.work(0), tally, true);
        tally.next();
        tally.sink += Bridge.received(new Bridge.Result(2, other), tally, true);
        tally.next();
        assertEquals(1, tally.crossings);
        assertThrows(WorkMismatchException.class, () -> BRIDGE.verify(point("modelCallingFuture", "sameThread"), tally, null));
        // across threads, a callee on the caller's own thread did not cross
        Tally across = Tally.counted(1);
        across.sink += Bridge.received(Bridge.work(0), across, false);
        across.next();
        assertThrows(WorkMismatchException.class, () -> BRIDGE.verify(point("futureCallingModel", "crossThread"), across, null));
    }
}
