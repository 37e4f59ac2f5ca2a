package asyncbench.experiment.forum.brigade;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.LimitReachedException;
import asyncbench.model.Model;
import asyncbench.os.KernelLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BrigadeTest {
    private final Brigade brigade = new Brigade();

    private static Point point(long tasks, long chains, long busywork, String transport, String loop) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Brigade.TASKS, tasks);
        p.put(Brigade.CHAINS, chains);
        p.put(Brigade.BUSYWORK, busywork);
        p.put(Brigade.TRANSPORT, transport);
        p.put(Brigade.CPUS, "all");
        p.put(Brigade.LOOP, loop);
        return Point.of(p);
    }

    /** Uneven chains, busywork and both transports: every model, and each kind of event loop, does the same work. */
    @Test
    void everyModelPassesEveryTokenThroughEveryTaskOfUnevenChains() throws Exception {
        for (String transport : Brigade.TRANSPORTS) {
            Map<String, Long> expected = null;
            for (Model model : brigade.spec().jvmModels()) {
                List<String> loops = model.style() == asyncbench.model.Style.EVENT_LOOP ? Brigade.LOOPS : List.of("selector");
                for (String loop : loops) {
                    Map<String, Long> counts = brigade.countOnce(model, point(50, 3, 100, transport, loop));
                    if (expected == null) {
                        expected = counts;
                    }
                    assertEquals(expected, counts, model + " " + loop + " over " + transport);
                }
            }
            assertEquals(200L * 50, expected.get(Brigade.HOPS));
            assertEquals(200L * 3, expected.get(Brigade.ARRIVALS));
            assertTrue(expected.get(Brigade.CHECKSUM) > 0);
        }
    }

    @Test
    void tasksBeyondTheDescriptorLimitAreALimitNotACrash() {
        long limit = KernelLimits.openFiles();
        Assumptions.assumeTrue(limit > 0 && limit < 1_000_000, "ulimit -n is " + limit);
        LimitReachedException e = assertThrows(LimitReachedException.class,
                () -> brigade.countOnce(Model.EVENT_LOOP, point(limit, 1, 0, "pipe", "selector")));
        assertEquals("ulimit -n", e.limit());
    }

    @Test
    void onlyPlatformThreadsArePinnedAndOnlyTheEventLoopChoosesItsLoop() {
        Point pinned = point(500, 1, 0, "pipe", "selector").with(Brigade.CPUS, "one");
        Point direct = point(500, 1, 0, "pipe", "direct");
        Point perCoreOneChain = point(500, 1, 0, "pipe", "perCore");
        List<Point> grid = List.of(pinned, direct, perCoreOneChain);
        assertEquals(List.of(pinned), brigade.points(Model.PLATFORM, grid));
        assertEquals(List.of(), brigade.points(Model.VIRTUAL, grid));
        assertEquals(List.of(direct), brigade.points(Model.EVENT_LOOP, grid));
        assertEquals(List.of("taskset", "-c", "0"), brigade.launcher(pinned));
        assertEquals(List.of(), brigade.launcher(direct));
    }

    @Test
    void aTokenThatSkippedATaskIsCaught() throws Exception {
        try (Crew crew = new Crew(4, 1, 0, Transport.MEMORY, false, false)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> crew.arrived(0, 3));
            assertTrue(e.getMessage().contains("not 4"), e.getMessage());
        }
    }
}
