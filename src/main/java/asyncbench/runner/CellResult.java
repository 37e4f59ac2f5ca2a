package asyncbench.runner;

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

    public String key() {
        return CellSpec.key(experiment, model, params);
    }

    /** A result for {@code spec} that has no figures, only a status and why. */
    static CellResult failed(CellSpec spec, Status status, String message, JvmInfo jvm) {
        return of(spec, status, message, null, null, null, null, jvm);
    }

    /** A result for {@code spec} as its cell's JVM reports it, before the run records it. */
    static CellResult of(CellSpec spec, Status status, String message, LimitInfo limit, Map<String, Metric> metrics,
            Map<String, Long> counters, Resources resources, JvmInfo jvm) {
        return new CellResult(null, spec.experiment(), spec.model().id(), spec.profile().id(), spec.params(),
                status, message, limit, metrics, counters, resources, jvm, null, null, null);
    }

    /** This result as recorded by the run: with its run id, host, start and wall time. */
    CellResult recorded(String runId, Map<String, Object> host, String startedAt, double seconds) {
        return new CellResult(runId, experiment, model, profile, params, status, message, limit, metrics,
                counters, resources, jvm, host, startedAt, seconds);
    }

    /** The figure named {@code metric}, if this cell measured it. */
    public Optional<Metric> metric(String metric) {
        return metrics == null ? Optional.empty() : Optional.ofNullable(metrics.get(metric));
    }
}
