package asyncbench.report;

import asyncbench.result.Point;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.LimitInfo;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saved results of known shape, for the report's tests. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    /** A figure from one JVM per score: the mean, its 95% error over the JVMs, each JVM's score. */
    static Metric forks(String unit, double... scores) {
        return Metric.ofForks(java.util.Arrays.stream(scores).mapToObj(v -> Metric.once(v, unit)).toList());
    }

    /** signal-grid: virtual wins from 2^7 readers on; platform hits a limit at 2^9. */
    static void grid(Path run) throws IOException {
        List<CellResult> cells = new ArrayList<>();
        for (long readers : List.of(32L, 128L, 512L)) {
            for (long writers : List.of(1L, 4L)) {
                double platform = readers < 128 ? 200 : 100;
                cells.add(gridCell("platform", readers, writers, readers == 512 ? null : platform));
                cells.add(gridCell("virtual", readers, writers, readers < 128 ? 100.0 : 300.0));
            }
        }
        append(run, cells);
    }

    private static CellResult gridCell(String model, long readers, long writers, Double value) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("readers", readers);
        params.put("writers", writers);
        if (value == null) {
            return new CellResult("r", "signal-grid", model, "smoke", Point.of(params), Status.LIMIT, "only 300 fit",
                    new LimitInfo(300, "kernel.pid_max", "only 300 fit"), null, null, null, null, null, null, null);
        }
        return new CellResult("r", "signal-grid", model, "smoke", Point.of(params), Status.OK, null, null,
                Map.of("iterationsPerSecond", forks("iterations/s", value - 1, value + 1)),
                Map.of("iterations", 10L), null, null, null, null, null);
    }

    /** idle-memory: future grows 300 bytes a frame from 400, virtual 350 from 3,000; virtual failed at depth 256. */
    static void idleMemory(Path run) throws IOException {
        idleMemory(run, "virtual", Status.ERROR);
    }

    /**
     * Idle-memory cells of future and {@code other} at depths 1 to 256: future grows 300 bytes a frame
     * from 400, the other 350 from 3,000, except at depth 256 where the other ended {@code deepest}.
     */
    static void idleMemory(Path run, String other, Status deepest) throws IOException {
        List<CellResult> cells = new ArrayList<>();
        for (long depth : List.of(1L, 16L, 64L, 256L)) {
            for (String model : List.of("future", other)) {
                java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
                params.put("tasks", 2000L);
                params.put("frame", "lean");
                params.put("depth", depth);
                double bytes = model.equals("future") ? 400 + 300 * depth : 3000 + 350 * depth;
                boolean failed = model.equals(other) && depth == 256;
                cells.add(new CellResult("r", "idle-memory", model, "smoke", Point.of(params), failed ? deepest : Status.OK,
                        failed ? "boom" : null, failed && deepest == Status.LIMIT ? new LimitInfo(100, "kernel.threads-max", "boom") : null,
                        failed ? null : Map.of("fittedBytesPerTask", forks("bytes", bytes - 5, bytes + 5)),
                        Map.of("tasks", 2000L), null, null, null, null, null));
            }
        }
        append(run, cells);
    }

    private static void append(Path run, List<CellResult> cells) throws IOException {
        try (ResultsFile out = ResultsFile.append(run.resolve(ResultsFile.NAME))) {
            for (CellResult c : cells) {
                out.add(c);
            }
        }
    }
}
