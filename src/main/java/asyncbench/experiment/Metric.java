package asyncbench.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One measured figure with its unit. When it comes from several windows, {@code error} is the
 * half-width of its 99.9% confidence interval and {@code samples} are the windows' own scores;
 * both are null for a figure measured once. When a cell ran in several JVMs (forks), the samples are
 * the windows of every fork and {@code forks} holds each fork's own score.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(double value, Double error, String unit, List<Double> samples, List<Double> forks) {
    public Metric(double value, Double error, String unit, List<Double> samples) {
        this(value, error, unit, samples, null);
    }

    public static Metric once(double value, String unit) {
        return new Metric(value, null, unit, null);
    }

    /**
     * The figure of several forks: with windows, the mean and error of all windows of all forks; a
     * figure measured once per fork, the mean of the forks without an error. Each fork's score is kept.
     */
    public static Metric ofForks(List<Metric> forks) {
        Metric first = forks.getFirst();
        List<Double> scores = forks.stream().map(Metric::value).toList();
        if (forks.size() == 1) {
            return first;
        }
        if (forks.stream().allMatch(m -> m.samples() != null && !m.samples().isEmpty())) {
            Metric pooled = Windows.of(forks.stream().flatMap(m -> m.samples().stream()).toList(), first.unit());
            return new Metric(pooled.value(), pooled.error(), first.unit(), pooled.samples(), scores);
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Metric(mean, null, first.unit(), null, scores);
    }
}
