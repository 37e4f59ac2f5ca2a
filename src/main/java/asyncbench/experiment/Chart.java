package asyncbench.experiment;

import java.util.List;

/**
 * A line chart the report draws for an experiment, one line per model: either a metric against one
 * parameter ({@code param}; one chart per combination of the other parameters), or several metrics side
 * by side ({@code metrics}, labelled {@code labels}, such as latency percentiles; one chart per point).
 * With {@code by}, a named-choice parameter, each model has one line per value of it instead (such as
 * one line per server), in the model's colour, dashed differently per value.
 */
public record Chart(String title, String param, String metric, List<String> metrics, List<String> labels,
        String xLabel, String yLabel, boolean logX, boolean logY, String by) {

    public Chart {
        metrics = List.copyOf(metrics);
        labels = List.copyOf(labels);
    }

    /** {@code metric} against the values of {@code param}. */
    public static Chart against(String title, String param, String metric, String yLabel, boolean logX, boolean logY) {
        return new Chart(title, param, metric, List.of(), List.of(), param, yLabel, logX, logY, null);
    }

    /** {@code metrics} in order, each labelled, as one line per model. */
    public static Chart across(String title, List<String> metrics, List<String> labels, String xLabel, String yLabel, boolean logY) {
        if (metrics.size() != labels.size()) {
            throw new IllegalArgumentException(metrics.size() + " metrics but " + labels.size() + " labels");
        }
        return new Chart(title, null, null, metrics, labels, xLabel, yLabel, false, logY, null);
    }

    /** This chart with one line per model and value of the named-choice parameter {@code choice}. */
    public Chart by(String choice) {
        return new Chart(title, param, metric, metrics, labels, xLabel, yLabel, logX, logY, choice);
    }

    public boolean againstParam() {
        return param != null;
    }
}
