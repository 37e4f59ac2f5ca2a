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

    /**
     * Windows that would finish fewer events than this are lengthened, so that a window's count is not
     * one or two whole events (a quantised figure whose forks can agree exactly, an interval of zero).
     */
    static final int MIN_EVENTS_PER_WINDOW = 20;
    /** A window is lengthened at most this many times over the profile's. */
    static final int MAX_STRETCH = 20;

    /** Events per second of {@code counter} over the measured windows. */
    public static Metric ratePerSecond(Measurement measurement, LongSupplier counter, String unit)
            throws InterruptedException {
        return ratePerSecond(measurement, counter, counter, unit);
    }

    /**
     * Events per second of {@code counter} over the measured windows, each window long enough to finish
     * {@link #MIN_EVENTS_PER_WINDOW} events at the rate of the warm-up (read from {@code progress}, which
     * counts the same events without being {@code counter}'s first reading), up to {@link #MAX_STRETCH}
     * times the profile's window.
     */
    public static Metric ratePerSecond(Measurement measurement, LongSupplier counter, LongSupplier progress, String unit)
            throws InterruptedException {
        long windowNanos = measurement.iteration().toNanos();
        long warmStart = System.nanoTime();
        long warmBefore = progress.getAsLong();
        for (int i = 0; i < measurement.warmupIterations(); i++) {
            sleepNanos(windowNanos);
        }
        if (measurement.warmupIterations() > 0) {
            windowNanos = stretched(windowNanos, progress.getAsLong() - warmBefore, System.nanoTime() - warmStart);
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

    /** The window that finishes {@link #MIN_EVENTS_PER_WINDOW} events at the warm-up's rate, within its bounds. */
    static long stretched(long windowNanos, long warmupEvents, long warmupNanos) {
        double perWindow = warmupEvents * (double) windowNanos / Math.max(1, warmupNanos);
        if (perWindow >= MIN_EVENTS_PER_WINDOW) {
            return windowNanos;
        }
        double factor = perWindow <= 0 ? MAX_STRETCH : Math.min(MAX_STRETCH, Math.ceil(MIN_EVENTS_PER_WINDOW / perWindow));
        return (long) (windowNanos * factor);
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
