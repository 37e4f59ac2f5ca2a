package asyncbench.report;

import asyncbench.experiment.calibration.Calibration;
import asyncbench.result.Json;
import asyncbench.stats.Decision;
import asyncbench.stats.RatioInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verdicts.json}: every headline contrast of the run (each model against its experiment's first
 * model at each point), for programs: experiment, point, models, metric, ratio with its interval and
 * the JVMs behind each side, verdict, and for an undecided one the JVMs per side that would decide it.
 */
final class VerdictsFormat implements ResultFormat {
    static final String FILE = "verdicts.json";

    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", report.run());
        out.put("confidence", RatioInterval.CONFIDENCE);
        out.put("sameWithin", List.of(RatioInterval.SAME_LOW, RatioInterval.SAME_HIGH));
        out.put("ratio", "above 1 favours the model over the baseline, whichever way the metric points");
        Calibration.verdict(report.decisions()).ifPresent(c -> out.put("calibration", c));
        List<Decision> decisions = report.decisions();
        out.put("contrasts", decisions);
        return List.of(ReportFiles.write(dir, FILE, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out)));
    }
}
