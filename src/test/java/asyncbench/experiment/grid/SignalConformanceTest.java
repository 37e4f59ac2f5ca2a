package asyncbench.experiment.grid;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model of the signal experiments does the same work and proves it with its counters. */
class SignalConformanceTest {
    private static final Measurement TINY = new Measurement(0, 2, Duration.ofMillis(50));

    /** Every model at every completion it runs at (threads and coroutine: queued only), three sizes, both countings. */
    static Stream<Arguments> gridCells() {
        SignalGrid grid = SignalGrid.grid();
        return grid.spec().models().stream().flatMap(m -> Tally.Counting.ids().stream().flatMap(counting ->
                Completion.ids().stream().flatMap(completion -> Stream.of(
                        Arguments.of(m, 1L, 1L, counting, completion), Arguments.of(m, 8L, 2L, counting, completion),
                        Arguments.of(m, 64L, 4L, counting, completion)))
                .filter(a -> !grid.points(m, List.of(point((Long) a.get()[1], (Long) a.get()[2], counting, (String) a.get()[4]))).isEmpty())));
    }

    private static Point point(long readers, long writers, String counting, String completion) {
        return Point.of(Map.of(SignalGrid.READERS, readers, SignalGrid.WRITERS, writers, SignalGrid.COUNTING, counting,
                SignalGrid.COMPLETION, completion));
    }

    @ParameterizedTest(name = "{0} readers={1} writers={2} counting={3} completion={4}")
    @MethodSource("gridCells")
    void gridCountersBalance(Model model, long readers, long writers, String counting, String completion) throws Exception {
        Outcome outcome = SignalGrid.grid().run(model, point(readers, writers, counting, completion), TINY, Probe.NONE);
        Map<String, Long> c = outcome.counters();
        assertTrue(c.get(SignalGrid.ITERATIONS) > 0, "readers made progress: " + c);
        assertTrue(outcome.metrics().get(SignalGrid.ITERATIONS_PER_SECOND).value() > 0);
        assertTrue(outcome.metrics().containsKey(SignalGrid.WAITS_PER_ITERATION));
    }

    @Test
    void threadReadersAndTheDispatchingCoroutineRunAtQueuedPointsOnly() {
        SignalGrid grid = SignalGrid.grid();
        List<Point> both = List.of(point(8, 2, "shared", "queued"), point(8, 2, "shared", "inline"));
        for (Model m : List.of(Model.PLATFORM, Model.VIRTUAL, Model.COROUTINE)) {
            assertEquals(List.of(both.getFirst()), grid.points(m, both), m.id());
        }
        for (Model m : List.of(Model.FUTURE, Model.FUTURE_POOL, Model.SUSPEND)) {
            assertEquals(both, grid.points(m, both), m.id());
        }
    }

    /**
     * The counter the cell checks tells the two hand-offs apart: with a queued completion every wait ends
     * on a pool's thread, inline every one ends on the writer's. A reader resumed the other way than the
     * point asks would fail its cell.
     */
    @Test
    void aQueuedWakeUpEndsOffTheWriterAndAnInlineOneOnIt() throws Exception {
        for (Model model : List.of(Model.FUTURE, Model.SUSPEND)) {
            for (Completion completion : Completion.values()) {
                try (ModelRuntime runtime = model.open()) {
                    Readers readers = Readers.start(runtime, Tally.of(Tally.Counting.PER_READER, 1, 1), completion);
                    Thread writer = Thread.ofPlatform().name(Completion.WRITER + "test").start(() -> {
                        for (int i = 0; i < 2_000; i++) {
                            while (readers.pipe(0).remaining() > 0) {
                                Thread.onSpinWait();
                            }
                            readers.pipe(0).add();
                        }
                    });
                    writer.join();
                    readers.awaitDrained(Duration.ofSeconds(30));
                    readers.close(Duration.ofSeconds(30));
                    long waits = readers.wakeupsReceived();
                    assertTrue(waits > 0, model + " " + completion + ": the reader waited");
                    assertEquals(completion == Completion.QUEUED ? waits : 0, readers.resumedOffWriter(), model + " " + completion);
                }
            }
        }
    }

    @Test
    void moreWritersThanReadersIsRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SignalGrid.grid()
                .run(Model.VIRTUAL, point(2, 4, "shared", "queued"), TINY, Probe.NONE));
        assertTrue(e.getMessage().contains("writers (4) must not exceed readers (2)"));
    }
}
