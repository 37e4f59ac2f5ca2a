package asyncbench.experiment.grid;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model of the signal experiments does the same work and proves it with its counters. */
class SignalConformanceTest {
    private static final Measurement TINY = new Measurement(0, 2, Duration.ofMillis(50));

    static Stream<Arguments> gridCells() {
        return SignalGrid.grid().spec().models().stream().flatMap(m -> Tally.Counting.ids().stream().flatMap(counting -> Stream.of(
                Arguments.of(m, 1L, 1L, counting), Arguments.of(m, 8L, 2L, counting), Arguments.of(m, 64L, 4L, counting))));
    }

    @ParameterizedTest(name = "{0} readers={1} writers={2} counting={3}")
    @MethodSource("gridCells")
    void gridCountersBalance(Model model, long readers, long writers, String counting) throws Exception {
        Outcome outcome = SignalGrid.grid().run(model, Point.of(Map.of(SignalGrid.READERS, readers, SignalGrid.WRITERS, writers,
                SignalGrid.COUNTING, counting)), TINY, Probe.NONE);
        Map<String, Long> c = outcome.counters();
        assertTrue(c.get(SignalGrid.ITERATIONS) > 0, "readers made progress: " + c);
        assertTrue(outcome.metrics().get(SignalGrid.ITERATIONS_PER_SECOND).value() > 0);
    }

    @Test
    void moreWritersThanReadersIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SignalGrid.grid()
                .run(Model.VIRTUAL, Point.of(Map.of(SignalGrid.READERS, 2L, SignalGrid.WRITERS, 4L, SignalGrid.COUNTING, "shared")), TINY, Probe.NONE));
        assertTrue(e.getMessage().contains("writers (4) must not exceed readers (2)"));
    }
}
