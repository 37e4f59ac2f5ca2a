package asyncbench.experiment.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model of the signal experiments does the same work and proves it with its counters. */
class SignalConformanceTest {
    private static final Measurement TINY = new Measurement(0, 2, Duration.ofMillis(50));

    static Stream<Arguments> gridCells() {
        return SignalGrid.grid().models().stream().flatMap(m -> Stream.of(
                Arguments.of(m, 1L, 1L), Arguments.of(m, 8L, 2L), Arguments.of(m, 64L, 4L)));
    }

    @ParameterizedTest(name = "{0} readers={1} writers={2}")
    @MethodSource("gridCells")
    void gridCountersBalance(Model model, long readers, long writers) throws Exception {
        Outcome outcome = SignalGrid.grid().run(model,
                Map.of(SignalGrid.READERS, readers, SignalGrid.WRITERS, writers), TINY, Probe.NONE);
        Map<String, Long> c = outcome.counters();
        assertTrue(c.get("iterations") > 0, "readers made progress: " + c);
        assertEquals(c.get("segmentsWritten"), c.get("iterations"), "every segment written was read: " + c);
        assertEquals(0L, c.get("segmentsLeft"));
        assertEquals(c.get("wakeupsSent"), c.get("wakeupsReceived"), "no wake-up lost or invented: " + c);
        assertTrue(outcome.metrics().get("iterationsPerSecond").value() > 0);
    }

    @Test
    void waitersDoIdenticalWorkUnderEveryModel() throws Exception {
        Waiters waiters = new Waiters();
        Set<Map<String, Long>> distinct = new HashSet<>();
        for (Model model : waiters.models()) {
            Outcome outcome = waiters.run(model, Map.of(Waiters.WAITERS, 256L), TINY, Probe.NONE);
            assertEquals(Map.of("waiters", 256L, "wakeupsSent", 256L, "wakeupsReceived", 256L, "iterations", 0L),
                    outcome.counters(), model + " counters");
            for (String metric : List.of("bytesPerWaiter", "heapBytesPerWaiter", "nativeBytesPerWaiter", "createNanosPerWaiter")) {
                assertTrue(outcome.metrics().containsKey(metric), model + " measured " + metric);
            }
            distinct.add(outcome.counters());
        }
        assertEquals(1, distinct.size(), "identical counters across models");
    }

    @Test
    void moreWritersThanReadersIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SignalGrid.grid()
                .run(Model.VIRTUAL, Map.of(SignalGrid.READERS, 2L, SignalGrid.WRITERS, 4L), TINY, Probe.NONE));
        assertTrue(e.getMessage().contains("writers (4) must not exceed readers (2)"));
    }
}
