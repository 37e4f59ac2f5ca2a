package asyncbench.experiment.dotnet.handover;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way of suspending does the same round trips and counts every resumption. */
class HandoverCountsTest {
    static Stream<Arguments> cells() {
        return new Handover().spec().models().stream().flatMap(m -> Stream.of(1L, 16L, 256L).map(d -> Arguments.of(m, d)));
    }

    @ParameterizedTest(name = "{0} depthFrames={1}")
    @MethodSource("cells")
    void everySuspensionIsResumed(Model model, long depth) throws Exception {
        Map<String, Long> counts = new Handover().countOnce(model, Point.of(Map.of(Handover.DEPTH, depth)));
        assertEquals(Map.of("roundTrips", (long) World.BATCH, "resumes", 2L * World.BATCH,
                "suspensions", 2L * World.BATCH), counts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void batchesRepeat(Model model) {
        try (ModelRuntime runtime = model.open(); World world = World.of(runtime, 8)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(world.suspensionsPerBatch(), world.batch(), "batch " + i);
            }
        }
    }

    static Stream<Model> models() {
        return new Handover().spec().models().stream();
    }
}
