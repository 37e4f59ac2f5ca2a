package asyncbench.experiment.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Windows;
import asyncbench.result.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time per iteration is all the time over all the iterations, so a window where none finished is a stall, not infinity. */
class TimePerEventTest {
    @Test
    void aWindowWithNoIterationCountsAsTheStallItWas() {
        // 100 ms windows: 30 iterations, none (an iteration longer than the window), 30 again
        Metric perSecond = Windows.of(List.of(300.0, 0.0, 300.0), "iterations/s");
        Metric ms = LoopExperiment.timePerEvent(perSecond, 1e3, "ms");
        assertEquals(1e3 / 200.0, ms.value(), 1e-12, "90 ms of 300 ms gone to 60 iterations");
        assertTrue(Double.isFinite(ms.value()) && Double.isFinite(ms.error()), ms.toString());
        assertEquals(List.of(1e3 / 300.0, 1e3 / 300.0), ms.samples(), "each window that finished an iteration keeps its own figure");
        assertEquals(1e3 * perSecond.error() / (200.0 * 200.0), ms.error(), 1e-12);
    }

    @Test
    void steadyWindowsGiveTheReciprocalOfTheirRate() {
        Metric perSecond = Windows.of(List.of(240.0, 250.0, 260.0), "iterations/s");
        Metric ms = LoopExperiment.timePerEvent(perSecond, 1e3, "ms");
        assertEquals(4.0, ms.value(), 1e-12);
        assertEquals(1e3 * perSecond.error() / (250.0 * 250.0), ms.error(), 1e-12);
    }
}
