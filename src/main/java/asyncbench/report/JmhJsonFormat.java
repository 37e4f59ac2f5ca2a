package asyncbench.report;

import asyncbench.experiment.Experiment;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Json;
import asyncbench.result.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's measured cells in JMH's JSON result format ({@code -rf json}), so that tools made for JMH
 * results (JMH Visualizer, jmh-benchmark-visualizer, CI plugins) load them: one entry per cell, named
 * {@code asyncbench.<experiment>.<model>}, its point as JMH parameters, the headline as the primary
 * metric (mode {@code thrpt} where higher is better, {@code avgt} where lower is) and the other figures
 * as secondary metrics; {@code rawData} holds one list per fork (JVM), as JMH writes it.
 */
final class JmhJsonFormat implements ResultFormat {
    static final String FILE = "jmh-result.json";

    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        return List.of(write(dir, report.results(), report.sections().stream().map(RunReport.Section::experiment).toList()));
    }

    private static Path write(Path runDir, List<CellResult> cells, List<Experiment> experiments) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Experiment experiment : experiments) {
            for (CellResult c : cells) {
                if (!c.experiment().equals(experiment.name()) || c.status() != Status.OK) {
                    continue;
                }
                Metric headline = c.metric(experiment.spec().headline().metric()).orElse(null);
                if (headline == null) {
                    continue;
                }
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("jmhVersion", "1.37");
                e.put("benchmark", "asyncbench." + experiment.name() + "." + c.model());
                e.put("mode", experiment.spec().headline().higherIsBetter() ? "thrpt" : "avgt");
                e.put("threads", 1);
                e.put("forks", c.forks() == null ? 1 : c.forks());
                if (c.jvm() != null) {
                    e.put("jdkVersion", c.jvm().version());
                    e.put("vmName", c.jvm().vendor());
                    e.put("jvmArgs", c.jvm().flags());
                }
                Map<String, String> params = new LinkedHashMap<>();
                c.params().values().forEach((name, v) -> params.put(name, String.valueOf(v)));
                e.put("params", params);
                e.put("primaryMetric", metric(headline));
                Map<String, Object> secondary = new LinkedHashMap<>();
                c.metrics().forEach((name, m) -> {
                    if (!name.equals(experiment.spec().headline().metric()) && !Double.isNaN(m.value())) {
                        secondary.put(name, metric(m));
                    }
                });
                e.put("secondaryMetrics", secondary);
                entries.add(e);
            }
        }
        return ReportFiles.write(runDir, FILE, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
    }

    private static Map<String, Object> metric(Metric m) {
        Map<String, Object> out = new LinkedHashMap<>();
        double error = m.error() == null ? Double.NaN : m.error();
        out.put("score", m.value());
        out.put("scoreError", Double.isNaN(error) ? "NaN" : error);
        out.put("scoreConfidence", Double.isNaN(error) ? List.of(m.value(), m.value()) : List.of(m.value() - error, m.value() + error));
        out.put("scoreUnit", m.unit());
        out.put("rawData", rawData(m));
        return out;
    }

    /**
     * JMH's layout: one list per fork of its iterations' scores. A figure's windows are kept fork after
     * fork; where they split evenly over its forks each fork gets its own, else each fork its score.
     */
    static List<List<Double>> rawData(Metric m) {
        List<Double> forks = m.forkScores();
        List<Double> windows = m.samples();
        if (windows != null && !windows.isEmpty() && windows.size() % forks.size() == 0) {
            int per = windows.size() / forks.size();
            return java.util.stream.IntStream.range(0, forks.size()).mapToObj(i -> List.copyOf(windows.subList(i * per, (i + 1) * per))).toList();
        }
        return forks.stream().map(List::of).toList();
    }
}
