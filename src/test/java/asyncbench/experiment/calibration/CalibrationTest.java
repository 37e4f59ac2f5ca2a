package asyncbench.experiment.calibration;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import asyncbench.stats.Decision;
import asyncbench.stats.Decisions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private final Calibration calibration = new Calibration();

    @Test
    void onlyThePlantedArmDoesMoreWorkPerOperation() throws Exception {
        Point point = Point.of(Map.of(Calibration.PLANTED, 120L));
        assertEquals(120, Calibration.roundsPerOperation(Model.VIRTUAL, point));
        assertEquals(100, Calibration.roundsPerOperation(Model.PLATFORM, point));
        assertEquals(100, Calibration.roundsPerOperation(Model.VIRTUAL_ONE_CARRIER, point));
        for (Model m : calibration.spec().models()) {
            assertEquals(Map.of("operations", 200L), calibration.countOnce(m, point), "every arm counts its operations alike");
        }
        Outcome o = calibration.run(Model.VIRTUAL, point, new Measurement(0, 2, Duration.ofMillis(20)), Probe.NONE);
        assertEquals(120L, o.counters().get("roundsPerOperation"));
        assertTrue(o.counters().get("operations") > 0);
        assertEquals(2, o.metrics().get(Calibration.OPERATIONS_PER_SECOND).samples().size());
    }

    private static CellResult cell(String model, long planted, double... scores) {
        Metric m = Metric.ofForks(Arrays.stream(scores).mapToObj(v -> Metric.once(v, "operations/s")).toList());
        return new CellResult("r", Calibration.NAME, model, "quick", Point.of(Map.of(Calibration.PLANTED, planted)), Status.OK, null, null,
                Map.of(Calibration.OPERATIONS_PER_SECOND, m), Map.of("operations", 1L), null, null, null, null, null);
    }

    @Test
    void theSentenceSaysWhatWasFoundAndWhetherItIsRight() {
        List<CellResult> cells = new ArrayList<>();
        for (long planted : List.of(100L, 120L)) {
            cells.add(cell("platform", planted, 100, 101, 99));
            cells.add(cell("virtual1", planted, 100, 100.5, 99.5));
            cells.add(cell("virtual", planted, 10000.0 / planted, 10100.0 / planted, 9900.0 / planted));
        }
        List<Decision> ds = Decisions.headline(calibration, cells);
        String s = Calibration.verdict(ds).orElseThrow();
        assertTrue(s.contains("x1.20 worse (right): x0.83 ["), s);
        assertTrue(s.contains("the smallest found worse x1.20"), s);
        assertTrue(s.contains("A/A contrasts called better or worse: 0 of 3 (the same within 10%: 3, undecided: 0)"), s);
        cells.set(1, cell("virtual1", 100, 150, 151, 149));
        String wrong = Calibration.verdict(Decisions.headline(calibration, cells)).orElseThrow();
        assertTrue(wrong.contains("A/A contrasts called better or worse: 1 of 3"), wrong);
    }
}
