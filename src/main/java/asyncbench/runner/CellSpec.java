package asyncbench.runner;

import asyncbench.result.Point;
import asyncbench.result.Metric;
import asyncbench.experiment.Profile;
import asyncbench.model.Model;
import asyncbench.result.CellResult;
import asyncbench.result.JvmInfo;
import asyncbench.result.LimitInfo;
import asyncbench.result.Resources;
import asyncbench.result.Status;
import java.util.Map;

/** One cell of a run: an experiment under one model at one point of its parameter grid. */
public record CellSpec(String experiment, Model model, Point params, Profile profile) {

    /** Identifies the cell within a run, for resuming. */
    public String key() {
        return CellResult.key(experiment, model.id(), params);
    }

    /** A result for this cell as its JVM reports it. */
    CellResult result(Status status, String message, LimitInfo limit, Map<String, Metric> metrics,
            Map<String, Long> counters, Resources resources, JvmInfo jvm) {
        return CellResult.of(experiment, model.id(), profile.id(), params, status, message, limit, metrics, counters,
                resources, jvm);
    }

    /** A result for this cell that has no figures, only a status and why. */
    CellResult failed(Status status, String message, JvmInfo jvm) {
        return result(status, message, null, null, null, null, jvm);
    }

    @Override
    public String toString() {
        return key();
    }
}
