package asyncbench.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One measured figure with its unit. When it comes from several windows, {@code error} is the
 * half-width of its 99.9% confidence interval and {@code samples} are the windows' own scores;
 * both are null for a figure measured once.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(double value, Double error, String unit, List<Double> samples) {
    public static Metric once(double value, String unit) {
        return new Metric(value, null, unit, null);
    }
}
