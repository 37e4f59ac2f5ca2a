package asyncbench.experiment.forum.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.Style;
import asyncbench.result.Point;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnTest {
    private final Spawn spawn = new Spawn();

    private static Point point(String spawner, long batch) {
        return Point.of(Map.of(Spawn.SPAWNER, spawner, Spawn.BATCH, batch));
    }

    /** Every model spawns whole batches on its own executor; the figures come from whole windows. */
    @Test
    void everyModelSpawnsEveryTaskOfItsBatchesOnItsOwnExecutor() throws Exception {
        Measurement measurement = new Measurement(1, 2, Duration.ofMillis(20));
        for (Model model : spawn.spec().jvmModels()) {
            Outcome outcome = spawn.run(model, point("platform", 30), measurement, Probe.NONE);
            Map<String, Long> counts = outcome.counters();
            assertEquals(2_010, counts.get(Spawn.TASKS), model + ": whole batches of 30, at least 2,000 tasks");
            assertEquals(counts.get(Spawn.TASKS), counts.get(Spawn.SPAWNED), model.toString());
            assertEquals(2_010L * 2_011 / 2, counts.get(Spawn.RESULTS), model.toString());
            assertEquals(2, outcome.metrics().get(Spawn.CREATION_NS).samples().size(), model + ": one sample per measured window");
            for (String figure : new String[] {Spawn.CREATION_NS, Spawn.TO_BODY_NS, Spawn.BATCH_NS}) {
                assertTrue(outcome.metrics().get(figure).value() > 0, model + " " + figure);
            }
            assertTrue(outcome.metrics().get(Spawn.BATCH_NS).value() >= outcome.metrics().get(Spawn.CREATION_NS).value(),
                    model + ": a batch is its creation and its joins");
            double threads = outcome.metrics().get(Spawn.THREADS_USED).value();
            switch (model.style()) {
                case THREADS -> assertEquals(2_010, threads, model + ": a thread per task");
                case CONTINUATIONS, COROUTINES -> assertEquals(1, threads, model + ": every task on the spawning loop's thread");
                default -> assertTrue(threads >= 1, model.toString());
            }
        }
    }

    @Test
    void aVirtualSpawnerSpawnsThreadsOfEveryKind() throws Exception {
        for (Model model : spawn.spec().jvmModels()) {
            if (model.style() == Style.THREADS) {
                Map<String, Long> counts = spawn.countOnce(model, point("virtual", 1));
                assertEquals(counts.get(Spawn.TASKS), counts.get(Spawn.SPAWNED), model.toString());
            }
        }
    }

    /** A task run inside its spawn call, as a continuation computed inline would be, is not spawned. */
    @Test
    void aTaskRunInsideItsSpawnCallFailsTheCell() {
        Batches batches = Batches.counted(3, 1, spawner -> true);
        batches.beginBatch();
        for (int i = 0; i < 3; i++) {
            batches.beforeSpawn(i);
            batches.body(i);
            batches.afterSpawn();
        }
        batches.created();
        batches.endBatch();
        WorkMismatchException e = assertThrows(WorkMismatchException.class,
                () -> batches.verify(Spawn.TASKS, Spawn.SPAWNED, Spawn.RESULTS));
        assertTrue(e.getMessage().contains(Spawn.SPAWNED), e.getMessage());
    }

    @Test
    void aTaskOffTheModelsExecutorFailsTheCell() {
        Batches batches = Batches.counted(2, 1, spawner -> false);
        runDeferred(batches, 2);
        assertThrows(WorkMismatchException.class, () -> batches.verify(Spawn.TASKS, Spawn.SPAWNED, Spawn.RESULTS));
    }

    @Test
    void aTaskThatNeverRanFailsTheCell() {
        Batches batches = Batches.counted(3, 1, spawner -> true);
        runDeferred(batches, 2);
        WorkMismatchException e = assertThrows(WorkMismatchException.class,
                () -> batches.verify(Spawn.TASKS, Spawn.SPAWNED, Spawn.RESULTS));
        assertTrue(e.getMessage().contains(Spawn.SPAWNED), e.getMessage());
    }

    @Test
    void tasksRunAfterTheirSpawnPass() throws Exception {
        Batches batches = Batches.counted(3, 1, spawner -> true);
        runDeferred(batches, 3);
        batches.verify(Spawn.TASKS, Spawn.SPAWNED, Spawn.RESULTS);
        assertEquals(6, batches.sum());
    }

    /** Spawns a batch whose first {@code ran} tasks run after the creation loop, on the spawning thread. */
    private static void runDeferred(Batches batches, int ran) {
        batches.beginBatch();
        for (int i = 0; i < batches.size(); i++) {
            batches.beforeSpawn(i);
            batches.afterSpawn();
        }
        batches.created();
        for (int i = 0; i < ran; i++) {
            batches.body(i);
        }
        batches.endBatch();
    }
}
