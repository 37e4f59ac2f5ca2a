package asyncbench.report;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import asyncbench.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {
    @TempDir
    Path results;

    /** A figure measured in one JVM per score. */
    static Metric forks(double... scores) {
        return Metric.ofForks(java.util.Arrays.stream(scores).mapToObj(v -> Metric.once(v, "iterations/s")).toList());
    }

    private void write(String run, String cpu, Metric platform, Metric virtual) throws Exception {
        Path dir = Files.createDirectories(results.resolve(run));
        try (ResultsFile out = ResultsFile.append(dir.resolve(ResultsFile.NAME))) {
            for (String model : List.of("platform", "virtual")) {
                out.add(new CellResult(run, "signal-pair", model, "quick", Point.of(Map.of("counting", "shared")), Status.OK, null, null,
                        Map.of("iterationsPerSecond", model.equals("platform") ? platform : virtual),
                        Map.of("iterations", 10L), null, null, Map.of("cpu", cpu, "cores", 2), null, null));
            }
        }
    }

    @Test
    void aChangeIsCalledOnlyWhereTheRatioIntervalDecides() throws Exception {
        write("a", "EPYC", forks(100, 102, 98), forks(100, 101, 99));
        write("b", "Xeon", forks(101, 100, 102), forks(150, 152, 148));
        RunComparison.Result r = RunComparison.compare(results.resolve("a"), results.resolve("b"), new Catalog.BuiltIn());
        assertEquals(2, r.rows().size());
        assertEquals(RunComparison.Change.SAME, r.rows().get(0).change(), "101 against 100, three JVMs each within 2%");
        assertEquals(RunComparison.Change.BETTER, r.rows().get(1).change(), "150 against 100, higher is better");
        assertEquals(1.5, r.rows().get(1).decision().ratio(), 1e-9);
        assertTrue(r.differences().getFirst().contains("different machines: cpu EPYC in A, Xeon in B"), r.differences().toString());
        String text = RunComparison.terminal(r, false);
        assertTrue(text.contains("2 cells in both runs: B better in 1, worse in 0, the same within 10% in 1, undecided in 0"), text);
        assertTrue(text.contains("x1.50 ["), text);
        assertTrue(text.contains("verdicts against each experiment's first model: 1 contrasts in both runs; decided in A 1 (100%), in B 1 (100%); "
                + "of the 1 decided in both, 0 (0%) got the same verdict; 0 flipped between better and worse"), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("signal-pair")).count(), "the terminal shows the cell that changed: " + text);
        assertEquals(2, RunComparison.terminal(r, true).lines().filter(l -> l.startsWith("signal-pair")).count(), "--all shows both");
        Path md = RunComparison.write(r, results.resolve("b"));
        assertTrue(Files.readString(md).contains("| signal-pair | virtual | counting=shared |"), Files.readString(md));
        assertTrue(Files.readString(md).indexOf("## Cells that changed clearly") < Files.readString(md).indexOf("## Every cell"));
        assertTrue(Files.exists(results.resolve("b").resolve("compare-a.html")));
    }

    @Test
    void oneJvmDecidesNothing() throws Exception {
        write("a", "EPYC", forks(100), forks(100));
        write("b", "EPYC", forks(300), forks(100));
        RunComparison.Result r = RunComparison.compare(results.resolve("a"), results.resolve("b"), new Catalog.BuiltIn());
        assertEquals(RunComparison.Change.UNDECIDED, r.rows().get(0).change(), "x3 from one JVM each has no interval");
    }
}
