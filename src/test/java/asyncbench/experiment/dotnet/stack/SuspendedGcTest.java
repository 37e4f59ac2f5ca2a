package asyncbench.experiment.dotnet.stack;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Suspended stacks come back intact in every model, and young collections are forced and read from the flight recorder. */
class SuspendedGcTest {
    private static final SuspendedGc GC = new SuspendedGc();

    static Stream<Model> models() {
        return GC.spec().models().stream();
    }

    static Point point(long tasks, long depth, long collections) {
        return point(tasks, depth, collections, "long");
    }

    static Point point(long tasks, long depth, long collections, String lifetime) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(SuspendedGc.TASKS, tasks);
        p.put(SuspendedGc.DEPTH, depth);
        p.put(SuspendedGc.GC, "g1");
        p.put(SuspendedGc.COLLECTIONS, collections);
        p.put(SuspendedGc.LIFETIME, lifetime);
        return Point.of(p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyFrameOfEveryTaskChecksItsValues(Model model) throws Exception {
        assertEquals(Map.of(SuspendedGc.TASKS, 300L, SuspendedGc.FRAMES_CHECKED, 300L * 40),
                GC.countOnce(model, point(300, 40, 1)));
    }

    @Test
    void aFrameWithAWrongValueFailsTheCheck() {
        Box ok = new Box(7);
        assertEquals(1, Box.check(7, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok));
        assertThrows(IllegalStateException.class, () -> Box.check(7, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, new Box(6)));
    }

    @Test
    void forcedYoungCollectionsAreCountedAndRecorded() throws Exception {
        long before = YoungCollections.count();
        List<YoungCollections.Collection> young = YoungCollections.recorded(() -> YoungCollections.force(3, Duration.ofSeconds(60)));
        assertTrue(YoungCollections.count() >= before + 3);
        assertTrue(young.size() >= 3, "recorded " + young.size());
        young.forEach(c -> {
            assertFalse(c.pauses().isNegative());
            assertTrue(c.longestPause().compareTo(c.pauses()) <= 0, c.toString());
        });
    }

    @Test
    void aCellReportsOnePauseForEachYoungCollection() throws Exception {
        Outcome outcome = GC.run(Model.VIRTUAL, point(200, 30, 4), new Measurement(1, 1, Duration.ofMillis(1)), Probe.NONE);
        int timed = outcome.metrics().get(SuspendedGc.YOUNG_PAUSE).samples().size();
        assertTrue(timed >= 4 && timed < 4 + SuspendedGc.AGING_COLLECTIONS, timed + ": the aging collections are not timed");
        assertEquals(200L * 30, outcome.counters().get(SuspendedGc.FRAMES_CHECKED));
    }

    @Test
    void shortLivedStacksAreSuspendedAnewForEachTimedCollection() throws Exception {
        Outcome outcome = GC.run(Model.CONTINUATION, point(200, 30, 3, "short"), new Measurement(1, 1, Duration.ofMillis(1)), Probe.NONE);
        int timed = outcome.metrics().get(SuspendedGc.YOUNG_PAUSE).samples().size();
        assertTrue(timed >= 3 && timed <= 6, timed + " collections kept for 3 rounds");
    }

    @Test
    void theCollectorIsTheCellsJvmFlag() {
        assertEquals(List.of("-XX:+UseZGC"), GC.jvmFlags(Point.of(Map.of(SuspendedGc.GC, "zgc"))));
        assertTrue(GC.jvmFlags(Point.of(Map.of(SuspendedGc.GC, "parallel"))).contains("-XX:+UseParallelGC"));
    }
}
