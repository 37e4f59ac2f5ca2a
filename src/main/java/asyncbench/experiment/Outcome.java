package asyncbench.experiment;

import asyncbench.result.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one cell produced: its figures, and the counters that prove how much work it did.
 * Counters are compared across models; an experiment verifies its own before returning.
 */
public record Outcome(Map<String, Metric> metrics, Map<String, Long> counters) {
    public Outcome {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
    }
}
