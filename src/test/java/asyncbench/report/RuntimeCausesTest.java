package asyncbench.report;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Resources;
import asyncbench.result.RuntimeEvents;
import asyncbench.result.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeCausesTest {
    private static CellResult cell(String model, long connections, double rate, RuntimeEvents events) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("connections", connections);
        return new CellResult("r", "server", model, "quick", Point.of(params), Status.OK, null, null,
                Map.of("rate", ReportFixtures.forks("req/s", rate * 0.99, rate * 1.01)), Map.of("n", 1L),
                new Resources(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, events), null, null, null, 2.0, 2);
    }

    private static RuntimeEvents events(long pinned, long carriers, double gcMillis) {
        return new RuntimeEvents(pinned, 3, gcMillis, gcMillis / 3, 10, carriers, 2);
    }

    private static List<String> causes(List<CellResult> cells) {
        ExperimentResults r = new ExperimentResults("server", new Headline("rate", true), cells, List.of("eventLoop", "virtual", "platform"));
        return RuntimeCauses.of(r, new Winners(r));
    }

    @Test
    void aModelClearlyBehindIsToldWhatItsRuntimeDidThatTheLeadersDidNot() {
        List<String> causes = causes(List.of(
                cell("eventLoop", 4096, 40_000, events(0, 0, 5)),
                cell("virtual", 4096, 10_000, events(12_000, 5, 5)),
                cell("platform", 4096, 5_000, events(0, 0, 120))));
        assertEquals(List.of(
                "virtual behind eventLoop at connections=2^12: 12 k pinned parks, 3 carrier threads added beyond the scheduler's 2",
                "platform behind eventLoop at connections=2^12: GC paused it 120 ms in 3 collections, 12% of its JVM's time (the leader 5 ms)"), causes);
    }

    @Test
    void aModelInTheLeadOrWithNothingToShowIsNotExplained() {
        List<String> causes = causes(List.of(
                cell("eventLoop", 16, 40_000, events(0, 0, 5)),
                cell("virtual", 16, 40_100, events(500, 0, 5)),
                cell("platform", 16, 20_000, events(99, 2, 40))));
        assertEquals(List.of(), causes, "virtual shares the lead; platform's pinned parks and GC pauses are too few to matter");
    }
}
