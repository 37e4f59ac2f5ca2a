package asyncbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
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
        Point params,
        Status status,
        String message,
        LimitInfo limit,
        Map<String, Metric> metrics,
        Map<String, Long> counters,
        Resources resources,
        JvmInfo jvm,
        Map<String, Object> host,
        String startedAt,
        Double seconds,
        Integer forks,
        List<String> forkReasons) {

    /** A result without fork count, as a single JVM reports it. */
    public CellResult(String runId, String experiment, String model, String profile, Point params,
            Status status, String message, LimitInfo limit, Map<String, Metric> metrics, Map<String, Long> counters,
            Resources resources, JvmInfo jvm, Map<String, Object> host, String startedAt, Double seconds) {
        this(runId, experiment, model, profile, params, status, message, limit, metrics, counters, resources, jvm, host,
                startedAt, seconds, null, null);
    }

    /** A result with its fork count but without the reasons of its forks. */
    public CellResult(String runId, String experiment, String model, String profile, Point params,
            Status status, String message, LimitInfo limit, Map<String, Metric> metrics, Map<String, Long> counters,
            Resources resources, JvmInfo jvm, Map<String, Object> host, String startedAt, Double seconds, Integer forks) {
        this(runId, experiment, model, profile, params, status, message, limit, metrics, counters, resources, jvm, host,
                startedAt, seconds, forks, null);
    }

    /** Identifies the cell within a run, for resuming. */
    public String key() {
        return key(experiment, model, params);
    }

    public static String key(String experiment, String model, Point params) {
        return experiment + " " + model + " " + params;
    }

    /** A result as a cell's JVM reports it, before the run records it. */
    public static CellResult of(String experiment, String model, String profile, Point params,
            Status status, String message, LimitInfo limit, Map<String, Metric> metrics,
            Map<String, Long> counters, Resources resources, JvmInfo jvm) {
        return new CellResult(null, experiment, model, profile, params,
                status, message, limit, metrics, counters, resources, jvm, null, null, null);
    }

    /** This result as recorded by the run: with its run id, host, start and wall time. */
    public CellResult recorded(String runId, Map<String, Object> host, String startedAt, double seconds) {
        return new CellResult(runId, experiment, model, profile, params, status, message, limit, metrics,
                counters, resources, jvm, host, startedAt, seconds, forks, forkReasons);
    }

    /** This result with why each of its JVMs ran, in order ("minimum", or the contrast a budgeted fork was for). */
    public CellResult withReasons(List<String> reasons) {
        return new CellResult(runId, experiment, model, profile, params, status, message, limit, metrics,
                counters, resources, jvm, host, startedAt, seconds, forks, List.copyOf(reasons));
    }

    /**
     * This measured cell with one more JVM's result ({@code fork} ok): each metric pools the forks, the
     * wall time adds up; counters, resources and JVM stay the first fork's (each fork checked its own).
     */
    public CellResult plus(CellResult fork, String reason, double forkSeconds) {
        Map<String, Metric> pooled = new java.util.LinkedHashMap<>();
        metrics.forEach((name, m) -> {
            Metric other = fork.metrics() == null ? null : fork.metrics().get(name);
            if (other != null) {
                pooled.put(name, m.plus(other));
            }
        });
        List<String> reasons = new java.util.ArrayList<>(forkReasons == null ? List.of() : forkReasons);
        reasons.add(reason);
        int count = (forks == null ? 1 : forks) + 1;
        return new CellResult(runId, experiment, model, profile, params, status, message, limit, pooled, counters,
                resources, jvm, host, startedAt, (seconds == null ? 0 : seconds) + forkSeconds, count, List.copyOf(reasons));
    }

    /**
     * One cell from the results of its forks, in order: the first fork that did not end {@code ok}
     * stands for the cell (its status and why); when every fork is ok, each metric pools the forks
     * ({@link Metric#ofForks}), and counters, resources and JVM are the first fork's (each fork checked
     * its own counters).
     */
    public static CellResult ofForks(List<CellResult> forks) {
        CellResult first = forks.getFirst();
        for (CellResult f : forks) {
            if (f.status() != Status.OK) {
                return f.withForks(forks.size());
            }
        }
        Map<String, Metric> pooled = new java.util.LinkedHashMap<>();
        for (String name : first.metrics().keySet()) {
            List<Metric> each = forks.stream().map(f -> f.metrics().get(name)).filter(java.util.Objects::nonNull).toList();
            if (each.size() == forks.size()) {
                pooled.put(name, Metric.ofForks(each));
            }
        }
        return new CellResult(first.runId, first.experiment, first.model, first.profile, first.params, first.status,
                first.message, first.limit, pooled, first.counters, first.resources, first.jvm, first.host,
                first.startedAt, first.seconds, forks.size(), null);
    }

    private CellResult withForks(int count) {
        return new CellResult(runId, experiment, model, profile, params, status, message, limit, metrics,
                counters, resources, jvm, host, startedAt, seconds, count, forkReasons);
    }

    /** The figure named {@code metric}, if this cell measured it. */
    public Optional<Metric> metric(String metric) {
        return metrics == null ? Optional.empty() : Optional.ofNullable(metrics.get(metric));
    }
}
