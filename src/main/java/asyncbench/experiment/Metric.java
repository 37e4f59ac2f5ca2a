package asyncbench.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure with its unit; {@code error} is the half-width of the 99.9% confidence
 * interval when the figure comes from several windows, null when it was measured once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(double value, Double error, String unit) {
    public static Metric once(double value, String unit) {
        return new Metric(value, null, unit);
    }
}
