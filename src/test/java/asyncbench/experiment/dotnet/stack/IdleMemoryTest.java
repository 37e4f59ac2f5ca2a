package asyncbench.experiment.dotnet.stack;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdleMemoryTest {
    private final IdleMemory idle = new IdleMemory();

    /** 53 tasks in five batches of 11, 11, 11, 10, 10: every frame of every task, lean or boxed, is suspended and checked. */
    @Test
    void everyModelSuspendsAndChecksEveryFrameOfUnevenBatches() throws Exception {
        for (String frame : IdleMemory.FRAMES) {
            Point point = Point.of(Map.of(IdleMemory.TASKS, 53L, IdleMemory.DEPTH, 7L, IdleMemory.FRAME, frame));
            for (Model model : idle.spec().models()) {
                assertEquals(Map.of(IdleMemory.TASKS, 53L, IdleMemory.FRAMES_CHECKED, 53L * 7), idle.countOnce(model, point),
                        model.id() + " " + frame);
            }
        }
    }

    @Test
    void aLeanFrameResumedWithAnotherValueFailsTheCell() {
        assertEquals(1, Box.checkLean(5, Box.lean(5)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Box.checkLean(5, Box.lean(4)));
    }

    @Test
    void theFigureIsTheSlopeThroughEveryBatchWithEachBatchBesideIt() throws Exception {
        Outcome outcome = idle.run(Model.PLATFORM, Point.of(Map.of(IdleMemory.TASKS, 100L, IdleMemory.DEPTH, 4L, IdleMemory.FRAME, "lean")),
                new Measurement(0, 1, Duration.ofMillis(1)), Probe.NONE);
        Metric perTask = outcome.metrics().get(IdleMemory.BYTES_PER_TASK);
        assertEquals(IdleMemory.BATCHES, perTask.samples().size());
        assertTrue(outcome.metrics().containsKey(IdleMemory.FITTED_BYTES_PER_TASK));
        assertEquals(400L, outcome.counters().get(IdleMemory.FRAMES_CHECKED));
    }
}
