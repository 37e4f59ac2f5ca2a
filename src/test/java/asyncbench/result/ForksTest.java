package asyncbench.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.Metric;
import asyncbench.experiment.Windows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForksTest {
    private static CellResult fork(Status status, Map<String, Metric> metrics) {
        return CellResult.of("e", "platform", "quick", Point.of(Map.of("n", 1L)), status, status == Status.OK ? null : "why",
                null, metrics, Map.of("work", 7L), null, null);
    }

    @Test
    void windowsOfAllForksMakeTheFigureAndEachForkKeepsItsScore() {
        Metric a = Windows.of(List.of(10.0, 12.0, 11.0, 10.0, 12.0, 11.0), "ops/s");
        Metric b = Windows.of(List.of(20.0, 22.0, 21.0, 20.0, 22.0, 21.0), "ops/s");
        CellResult cell = CellResult.ofForks(List.of(fork(Status.OK, Map.of("rate", a)), fork(Status.OK, Map.of("rate", b))));
        Metric pooled = cell.metric("rate").orElseThrow();
        assertEquals(16.0, pooled.value(), 1e-9);
        assertEquals(12, pooled.samples().size());
        assertEquals(List.of(11.0, 21.0), pooled.forks());
        // the JVM is the unit: Student's t with 1 degree of freedom over the two scores, 11 and 21
        assertEquals(12.706204736174705 * Math.sqrt(50) / Math.sqrt(2), pooled.error(), 1e-6);
        assertTrue(pooled.error() > a.error(), "the spread between JVMs widens the interval");
        assertEquals(2, cell.forks());
        assertEquals(Map.of("work", 7L), cell.counters());
    }

    @Test
    void aFigureMeasuredOncePerForkHasAnErrorAcrossForks() {
        CellResult cell = CellResult.ofForks(List.of(fork(Status.OK, Map.of("bytes", Metric.once(100, "bytes"))),
                fork(Status.OK, Map.of("bytes", Metric.once(300, "bytes")))));
        Metric m = cell.metric("bytes").orElseThrow();
        assertEquals(200, m.value(), 1e-9);
        assertEquals(12.706204736174705 * 100, m.error(), 1e-6, "t(0.975, 1) x the standard error of the two forks' mean");
        assertEquals(List.of(100.0, 300.0), m.forks());
        Metric three = m.plus(Metric.once(200, "bytes"));
        assertEquals(List.of(100.0, 300.0, 200.0), three.forks(), "one more JVM keeps the earlier ones");
        assertEquals(200, three.value(), 1e-9);
        assertEquals(4.302652729911275 * 100 / Math.sqrt(3), three.error(), 1e-6);
    }

    @Test
    void aForkThatFailedStandsForTheCell() {
        CellResult cell = CellResult.ofForks(List.of(fork(Status.OK, Map.of("rate", Metric.once(1, "x"))),
                fork(Status.TIMEOUT, null)));
        assertEquals(Status.TIMEOUT, cell.status());
        assertEquals("why", cell.message());
    }
}
