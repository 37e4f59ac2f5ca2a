package asyncbench.experiment;

import asyncbench.result.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles per measured window, from HdrHistogram interval histograms: each window gives one
 * sample of each percentile, and the windows make each figure's mean and error.
 */
public final class LatencyWindows {
    public static final String P50 = "latencyP50Micros";
    public static final String P90 = "latencyP90Micros";
    public static final String P99 = "latencyP99Micros";
    public static final String P999 = "latencyP999Micros";
    public static final String MAX = "latencyMaxMicros";
    /** The percentiles charted, in order ("50", "90", "99", "99.9", "max"), with the metric of each. */
    public static final Map<String, String> PERCENTILES = Map.copyOf(Map.of("50", P50, "90", P90, "99", P99, "99.9", P999, "max", MAX));
    private static final List<String> ORDER = List.of("50", "90", "99", "99.9", "max");

    private final Map<String, List<Double>> samples = new LinkedHashMap<>();

    public LatencyWindows() {
        for (String p : ORDER) {
            samples.put(PERCENTILES.get(p), new ArrayList<>());
        }
    }

    /** The percentile labels in order. */
    public static List<String> labels() {
        return ORDER;
    }

    /** The metric names in the order of {@link #labels()}. */
    public static List<String> metrics() {
        return ORDER.stream().map(PERCENTILES::get).toList();
    }

    /** Adds one window; a window with no value adds nothing (a wait still running is recorded when it ends). */
    public void add(Histogram window) {
        if (window.getTotalCount() == 0) {
            return;
        }
        samples.get(P50).add((double) window.getValueAtPercentile(50));
        samples.get(P90).add((double) window.getValueAtPercentile(90));
        // a percentile of fewer values than it needs is the largest value again: max says that already
        samples.get(P99).add((double) window.getValueAtPercentile(99));
        if (window.getTotalCount() >= 1000) {
            samples.get(P999).add((double) window.getValueAtPercentile(99.9));
        }
        samples.get(MAX).add((double) window.getMaxValue());
    }

    /** Whether any window had a value. */
    public boolean any() {
        return !samples.get(P50).isEmpty();
    }

    /**
     * Each percentile's mean over the windows with its error, in microseconds; p99.9 only from windows
     * of at least 1,000 values, where it is not the maximum under another name.
     */
    public Map<String, Metric> metrics(String unit) {
        Map<String, Metric> m = new LinkedHashMap<>();
        samples.forEach((name, values) -> {
            if (!values.isEmpty()) {
                m.put(name, Windows.of(values, unit));
            }
        });
        return m;
    }
}
