package asyncbench.runner;

import asyncbench.experiment.Profile;
import asyncbench.model.Model;
import java.util.Map;
import java.util.stream.Collectors;

/** One cell of a run: an experiment under one model at one point of its parameter grid. */
public record CellSpec(String experiment, Model model, Map<String, Long> params, Profile profile) {

    /** Identifies the cell within a run, for resuming. */
    public String key() {
        return key(experiment, model.id(), params);
    }

    static String key(String experiment, String model, Map<String, Long> params) {
        return experiment + " " + model + " " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return key();
    }
}
