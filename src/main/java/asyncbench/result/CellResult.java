package asyncbench.result;

import asyncbench.experiment.Metric;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code results.jsonl}: a finished cell with its figures, the counters proving its work,
 * the resources it used, and where it ran. Fields that do not apply are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellResult(
        String runId,
        String experiment,
        String model,
        String profile,
        Map<String, Long> params,
        Status status,
        String message,
        LimitInfo limit,
        Map<String, Metric> metrics,
        Map<String, Long> counters,
        Resources resources,
        JvmInfo jvm,
        Map<String, Object> host,
        String startedAt,
        Double seconds) {

    /** Identifies the cell within a run, for resuming. */
    public String key() {
        return key(experiment, model, params);
    }

    public static String key(String experiment, String model, Map<String, Long> params) {
        return experiment + " " + model + " " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** A result as a cell's JVM reports it, before the run records it. */
    public static CellResult of(String experiment, String model, String profile, Map<String, Long> params,
            Status status, String message, LimitInfo limit, Map<String, Metric> metrics,
            Map<String, Long> counters, Resources resources, JvmInfo jvm) {
        return new CellResult(null, experiment, model, profile, params,
                status, message, limit, metrics, counters, resources, jvm, null, null, null);
    }

    /** This result as recorded by the run: with its run id, host, start and wall time. */
    public CellResult recorded(String runId, Map<String, Object> host, String startedAt, double seconds) {
        return new CellResult(runId, experiment, model, profile, params, status, message, limit, metrics,
                counters, resources, jvm, host, startedAt, seconds);
    }

    /** The figure named {@code metric}, if this cell measured it. */
    public Optional<Metric> metric(String metric) {
        return metrics == null ? Optional.empty() : Optional.ofNullable(metrics.get(metric));
    }
}
