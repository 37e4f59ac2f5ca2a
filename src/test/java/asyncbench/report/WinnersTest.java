package asyncbench.report;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WinnersTest {
    private static CellResult cell(String model, long readers, double value, Double error) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("readers", readers);
        params.put("writers", 1L);
        Metric rate = error == null ? new Metric(value, null, "ops/s", List.of(value))
                : ReportFixtures.forks("ops/s", value - error / 2, value + error / 2);
        return new CellResult("r", "grid", model, "quick", Point.of(params), Status.OK, null, null,
                Map.of("rate", rate), Map.of("n", 1L), null, null, null, null, null);
    }

    private static Winners winners(List<CellResult> cells, boolean higherIsBetter) {
        return new Winners(new ExperimentResults("grid", new Headline("rate", higherIsBetter), cells, List.of("platform", "virtual")));
    }

    @Test
    void overlappingIntervalsNameNoWinner() {
        Winners w = winners(List.of(cell("platform", 32, 100, 10.0), cell("virtual", 32, 105, 10.0)), true);
        assertEquals(Optional.empty(), w.points().getFirst().winner());
        assertEquals(0, w.wins("virtual"));
        assertEquals("no model wins clearly at any 1 point", w.verdict());
        assertEquals(List.of("platform", "virtual"), w.points().getFirst().leaders(), "both are in the lead");
    }

    /** Three models, two level and one far behind: the two share the lead, the third is behind. */
    @Test
    void aModelClearlyBehindTheBestDoesNotShareTheLead() {
        Winners w = new Winners(new ExperimentResults("grid", new Headline("rate", true), List.of(cell("platform", 32, 10, 1.0),
                cell("virtual", 32, 100, 10.0), cell("future", 32, 105, 10.0)), List.of("platform", "virtual", "future")));
        assertEquals(Optional.empty(), w.points().getFirst().winner());
        assertEquals(List.of("virtual", "future"), w.points().getFirst().leaders());
    }

    @Test
    void aClearDifferenceNamesTheBetterModelInTheHeadlinesSense() {
        List<CellResult> cells = List.of(cell("platform", 32, 100, 5.0), cell("virtual", 32, 200, 5.0));
        assertEquals(Optional.of("virtual"), winners(cells, true).points().getFirst().winner());
        assertEquals(Optional.of("platform"), winners(cells, false).points().getFirst().winner(), "lower is better");
    }

    @Test
    void aFigureMeasuredOnceNeverWins() {
        Winners w = winners(List.of(cell("platform", 32, 100, null), cell("virtual", 32, 900, 5.0)), true);
        assertEquals(Optional.empty(), w.points().getFirst().winner());
    }

    @Test
    void theCrossoverIsFoundAtTheRightParameter() {
        List<CellResult> cells = new ArrayList<>();
        long[] readers = {32, 64, 128, 256, 512};
        double[] platform = {300, 300, 200, 100, 100};
        double[] virtual = {100, 100, 205, 300, 300};
        for (int i = 0; i < readers.length; i++) {
            cells.add(cell("platform", readers[i], platform[i], 4.0));
            cells.add(cell("virtual", readers[i], virtual[i], 4.0));
        }
        Winners w = winners(cells, true);
        assertEquals(2, w.wins("platform"));
        assertEquals(2, w.wins("virtual"));
        String verdict = w.verdict();
        assertTrue(verdict.startsWith("platform wins 2, virtual wins 2 of 5 points; no clear winner at 1"), verdict);
        assertTrue(verdict.contains("along readers at writers=1: platform (readers=2^5..2^6), then no clear winner (readers=2^7), then virtual (readers=2^8..2^9)"),
                verdict);
    }
}
