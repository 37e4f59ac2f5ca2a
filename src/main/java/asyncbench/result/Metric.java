package asyncbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One measured figure with its unit. When it comes from several windows, {@code error} is the
 * half-width of its 99.9% confidence interval and {@code samples} are the windows' own scores;
 * both are null for a figure measured once. When a cell ran in several JVMs (forks), the samples are
 * the windows of every fork, {@code forks} holds each fork's own score, and the value and error are
 * the mean of the forks' scores and its 95% interval ({@link #ofForks}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(double value, Double error, String unit, List<Double> samples, List<Double> forks) {
    public Metric(double value, Double error, String unit, List<Double> samples) {
        this(value, error, unit, samples, null);
    }

    public static Metric once(double value, String unit) {
        return new Metric(value, null, unit, null);
    }

    /** The confidence of the error of a figure pooled over JVMs. */
    public static final double FORK_CONFIDENCE = 0.95;

    /**
     * The figure of several forks, each a single JVM's figure or already pooled: the JVM is the unit, so
     * the value is the mean of the JVMs' scores and the error the half-width of its 95% Student t
     * interval over them (windows enter through their JVM's score). Each JVM's score is kept, and so are
     * the windows, fork after fork.
     */
    public static Metric ofForks(List<Metric> parts) {
        Metric first = parts.getFirst();
        List<Double> scores = parts.stream().flatMap(m -> m.forkScores().stream()).toList();
        if (scores.size() == 1) {
            return first;
        }
        List<Double> windows = parts.stream().allMatch(m -> m.samples() != null && !m.samples().isEmpty())
                ? parts.stream().flatMap(m -> m.samples().stream()).toList() : null;
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats = new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        scores.forEach(stats::addValue);
        double t = new org.apache.commons.math3.distribution.TDistribution(scores.size() - 1)
                .inverseCumulativeProbability(1 - (1 - FORK_CONFIDENCE) / 2);
        double error = t * stats.getStandardDeviation() / Math.sqrt(scores.size());
        return new Metric(stats.getMean(), Double.isNaN(error) ? null : error, first.unit(), windows, scores);
    }

    /** This figure with one more JVM's. */
    public Metric plus(Metric fork) {
        return ofForks(List.of(this, fork));
    }

    /** One score per JVM: each fork's, or this figure's own when it comes from one JVM. */
    public List<Double> forkScores() {
        return forks != null ? forks : List.of(value);
    }
}
