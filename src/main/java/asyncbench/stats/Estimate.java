package asyncbench.stats;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A figure as the statistics see it: its estimate, the standard error of that estimate, and the degrees
 * of freedom behind the error. For a cell, the mean of its JVMs' scores (the JVM is the unit of
 * replication: a fork's windows enter through its own score); for a fitted line, the slope.
 *
 * @param replicates the independent JVMs (or points) behind it; below two it has no error
 */
public record Estimate(double value, double standardError, double degreesOfFreedom, int replicates) {

    /** The mean of one score per JVM, with the standard error of that mean. */
    public static Estimate ofForks(List<Double> scores) {
        SummaryStatistics stats = new SummaryStatistics();
        scores.forEach(stats::addValue);
        int n = (int) stats.getN();
        double se = n > 1 ? stats.getStandardDeviation() / Math.sqrt(n) : Double.NaN;
        return new Estimate(stats.getMean(), se, n - 1, n);
    }

    /** Whether it has an error at all (two JVMs or more). */
    public boolean hasError() {
        return replicates >= 2 && !Double.isNaN(standardError);
    }

    /** Its standard error relative to itself, the error of its logarithm to first order. */
    double relativeError() {
        return standardError / Math.abs(value);
    }

    /** The same estimate as if it had {@code n} replicates of the same spread instead of {@link #replicates}. */
    Estimate scaledTo(int n) {
        return new Estimate(value, standardError * Math.sqrt((double) replicates / n), degreesOfFreedom + n - replicates, n);
    }
}
