package asyncbench.experiment;

import asyncbench.result.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Measures a rate over time windows: a counter that the workload advances is read at each window's
 * edges. Warm-up windows are discarded; the measured windows give the mean and its 99.9% error,
 * computed by JMH's statistics.
 */
public final class Windows {
    private static final double CONFIDENCE = 0.999;

    private Windows() {
    }

    /** Events per second of {@code counter} over the measured windows. */
    public static Metric ratePerSecond(Measurement measurement, LongSupplier counter, String unit)
            throws InterruptedException {
        long windowNanos = measurement.iteration().toNanos();
        for (int i = 0; i < measurement.warmupIterations(); i++) {
            sleepNanos(windowNanos);
        }
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < measurement.iterations(); i++) {
            long before = counter.getAsLong();
            long start = System.nanoTime();
            sleepNanos(windowNanos);
            long after = counter.getAsLong();
            long elapsed = System.nanoTime() - start;
            samples.add((after - before) * 1e9 / elapsed);
        }
        return of(samples, unit);
    }

    /** The mean of {@code samples} with its error, or no error when there is a single value. */
    public static Metric of(List<Double> samples, String unit) {
        ListStatistics stats = new ListStatistics();
        samples.forEach(stats::addValue);
        double error = stats.getN() > 1 ? stats.getMeanErrorAt(CONFIDENCE) : Double.NaN;
        return new Metric(stats.getMean(), Double.isNaN(error) ? null : error, unit, List.copyOf(samples));
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
}
