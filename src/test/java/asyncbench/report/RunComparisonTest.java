package asyncbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import asyncbench.runner.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    @TempDir
    Path results;

    private void write(String run, String cpu, double platform, double virtual, double error) throws Exception {
        Path dir = Files.createDirectories(results.resolve(run));
        try (ResultsFile out = ResultsFile.append(dir.resolve(ResultsFile.NAME))) {
            for (String model : List.of("platform", "virtual")) {
                double v = model.equals("platform") ? platform : virtual;
                out.add(new CellResult(run, "signal-pair", model, "quick", Map.of("counting", 0L), Status.OK, null, null,
                        Map.of("iterationsPerSecond", new Metric(v, error, "iterations/s", List.of(v - error, v + error))),
                        Map.of("iterations", 10L), null, null, Map.of("cpu", cpu, "cores", 2), null, null));
            }
        }
    }

    @Test
    void aChangeIsCalledOnlyWhereTheIntervalsPart() throws Exception {
        write("a", "EPYC", 100, 100, 5);
        write("b", "Xeon", 101, 150, 5);
        RunComparison.Result r = RunComparison.compare(results.resolve("a"), results.resolve("b"), new Catalog.BuiltIn());
        assertEquals(2, r.rows().size());
        assertEquals(RunComparison.Change.SAME, r.rows().get(0).change(), "101 ± 5 against 100 ± 5");
        assertEquals(RunComparison.Change.BETTER, r.rows().get(1).change(), "150 ± 5 against 100 ± 5, higher is better");
        assertEquals(1.5, r.rows().get(1).ratio().value(), 1e-9);
        assertTrue(r.differences().getFirst().contains("different machines: cpu EPYC in A, Xeon in B"), r.differences().toString());
        String text = RunComparison.terminal(r, false);
        assertTrue(text.contains("2 cells in both runs: B better in 1, worse in 0, no clear change in 1"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("signal-pair")).count(), "the terminal shows the cell that changed: " + text);
        assertEquals(2, RunComparison.terminal(r, true).lines().filter(l -> l.startsWith("signal-pair")).count(), "--all shows both");
        Path md = RunComparison.write(r, results.resolve("b"));
        assertTrue(Files.readString(md).contains("| signal-pair | virtual | counting=shared |"), Files.readString(md));
        assertTrue(Files.readString(md).indexOf("## Cells that changed clearly") < Files.readString(md).indexOf("## Every cell"));
        assertTrue(Files.exists(results.resolve("b").resolve("compare-a.html")));
    }

    @Test
    void lowerIsBetterTurnsTheChangeAround() {
        Metric a = new Metric(100, 5.0, "ns", List.of(95.0, 105.0));
        Metric b = new Metric(50, 5.0, "ns", List.of(45.0, 55.0));
        assertEquals(RunComparison.Change.BETTER, RunComparison.change(a, b, false));
        assertEquals(RunComparison.Change.WORSE, RunComparison.change(a, b, true));
        assertEquals(RunComparison.Change.UNKNOWN, RunComparison.change(a, new Metric(50, null, "ns", List.of(50.0)), true));
    }
}
