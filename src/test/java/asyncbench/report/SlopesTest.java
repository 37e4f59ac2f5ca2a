package asyncbench.report;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Growth;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlopesTest {
    private static final Growth GROWTH = new Growth("waiters", "bytes", "bytes per waiter");

    private static CellResult cell(String model, long n, double... forks) {
        List<Double> scores = new ArrayList<>();
        for (double f : forks) {
            scores.add(f);
        }
        Metric bytes = new Metric(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), null, "bytes",
                null, scores);
        return CellResult.of("waiters", model, "quick", Point.of(Map.of("waiters", n)), Status.OK, null, null,
                Map.of("bytes", bytes), Map.of(), null, null);
    }

    private static ExperimentResults results(List<CellResult> cells) {
        return new ExperimentResults("waiters", new Headline("bytesPerWaiter", false), cells, List.of("platform", "future"));
    }

    /** Memory = fixed + N x per-waiter: the slope is the per-waiter cost, whatever the fixed cost. */
    @Test
    void theSlopeIsTheCostOfOneMoreWaiterAndTheInterceptTheFixedCost() {
        List<CellResult> cells = new ArrayList<>();
        for (long n : List.of(1024L, 4096L, 16384L)) {
            cells.add(cell("platform", n, 5e6 + 20_000.0 * n + 1000, 5e6 + 20_000.0 * n - 1000));
            cells.add(cell("future", n, 3e5 + 250.0 * n + 500, 3e5 + 250.0 * n - 500));
        }
        List<Slopes.Line> lines = Slopes.fit(results(cells), GROWTH);
        assertEquals(20_000, lines.get(0).slope(), 1);
        assertEquals(5e6, lines.get(0).intercept(), 5e3);
        assertEquals(6, lines.get(0).points(), "every fork of every point");
        assertEquals(250, lines.get(1).slope(), 1);
        List<String> verdicts = Slopes.verdicts(lines, GROWTH);
        assertTrue(verdicts.getFirst().contains("future grows less, x80.0 ["), verdicts.toString());
    }

    @Test
    void twoPointsMakeALineWithoutAnError() {
        List<Slopes.Line> lines = Slopes.fit(results(List.of(cell("future", 1024, 300_000), cell("future", 4096, 1_000_000))),
                GROWTH);
        assertNull(lines.getFirst().slopeError());
        assertTrue(Slopes.table(lines, GROWTH).contains("± ?"));
    }
}
