package asyncbench.experiment.loop;

import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Windows;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An experiment whose workload is one loop, as the .NET originals' top frames are: started on the
 * model's runtime, it makes iterations until told to stop, counting them in a {@link Tally}. The
 * figure is the rate of iterations over the profile's windows, read from another thread while the
 * loop runs.
 *
 * <p>A cell first runs a fixed number of iterations untimed, whose counters every model must match;
 * then the timed loop. Both runs are verified by the experiment before the cell returns.
 *
 * <p>What a cell's loops share (files to read, a document to write, a figure taken in the fixed-work
 * run) is the cell's own {@code C}: {@link #open} builds it at the start of {@link #countOnce} and of
 * {@link #run}, every hook receives it, and {@link #close} releases it when they end, so that nothing
 * passes from one cell to the next through the experiment, which is one object for every cell.
 * An experiment whose loop needs nothing of the kind is a {@code LoopExperiment<Void>}.
 */
public abstract class LoopExperiment<C> implements Experiment {
    private static final long STOP_TIMEOUT_SECONDS = 60;
    /** Bytes allocated by all threads per iteration of the loop, over the measured windows. */
    public static final String ALLOC_BYTES_PER_ITERATION = "allocBytesPerIteration";

    /** Every style that can write a call chain: library futures first, the baseline, then plain code and coroutines. */
    public static final List<Style> CHAIN_STYLES = List.of(Style.CALLBACK, Style.THREADS, Style.CONTINUATIONS, Style.COROUTINES);

    /** Iterations of the untimed, fixed-work run at {@code point}. */
    protected abstract long countedIterations(Point point);

    /**
     * What the loops of one cell of {@code model} at {@code point} share, none by default; the place to
     * refuse a cell this machine cannot hold ({@link asyncbench.experiment.LimitReachedException}).
     */
    protected C open(Model model, Point point) throws Exception {
        return null;
    }

    /** Releases what {@link #open} built. */
    protected void close(C cell) throws Exception {
    }

    /** Starts the loop at {@code point} on {@code runtime}; the future completes when it has ended. */
    protected abstract CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, C cell);

    /** Fails unless the loop did exactly the work its iteration count says. */
    protected abstract void verify(Point point, Tally tally, C cell) throws WorkMismatchException;

    /** The counters every model must match after the fixed-work run. */
    protected abstract Map<String, Long> counters(Point point, Tally tally, C cell);

    /** The cell's figures, from the loop's iterations per second. */
    protected abstract Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, C cell);

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 128;
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        C cell = open(model, point);
        try {
            return countOnce(model, point, cell);
        } finally {
            close(cell);
        }
    }

    private Map<String, Long> countOnce(Model model, Point point, C cell) throws Exception {
        Tally tally = Tally.counted(countedIterations(point));
        try (ModelRuntime runtime = model.open()) {
            await(start(runtime, point, tally, cell));
        }
        verify(point, tally, cell);
        return counters(point, tally, cell);
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        C cell = open(model, point);
        try {
            Map<String, Long> counts = countOnce(model, point, cell);
            Tally tally = Tally.timed();
            Allocation allocation = new Allocation(tally);
            Metric perSecond;
            try (ModelRuntime runtime = model.open()) {
                CompletableFuture<Void> done = start(runtime, point, tally, cell);
                try {
                    perSecond = Windows.ratePerSecond(measurement, allocation, tally::iterationsNow, "iterations/s");
                    probe.peak();
                } finally {
                    tally.stop();
                }
                await(done);
            }
            verify(point, tally, cell);
            Map<String, Metric> metrics = new java.util.LinkedHashMap<>(metrics(point, perSecond, cell));
            allocation.bytesPerIteration().ifPresent(b -> metrics.put(ALLOC_BYTES_PER_ITERATION, Metric.once(b, "bytes")));
            return new Outcome(metrics, counts);
        } finally {
            close(cell);
        }
    }

    /**
     * The loop's iteration count as the windows read it, remembering the heap allocated by all threads
     * (virtual threads' on their carriers) at the first and the last reading: the edges of the measured
     * windows.
     */
    private static final class Allocation implements java.util.function.LongSupplier {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        private final Tally tally;
        private long firstIterations = -1;
        private long firstBytes;
        private long lastIterations;
        private long lastBytes;

        Allocation(Tally tally) {
            this.tally = tally;
        }

        @Override
        public long getAsLong() {
            long iterations = tally.iterationsNow();
            long bytes = THREADS.getTotalThreadAllocatedBytes();
            if (firstIterations < 0) {
                firstIterations = iterations;
                firstBytes = bytes;
            }
            lastIterations = iterations;
            lastBytes = bytes;
            return iterations;
        }

        java.util.Optional<Double> bytesPerIteration() {
            long n = lastIterations - firstIterations;
            return n > 0 && firstBytes >= 0 ? java.util.Optional.of((double) (lastBytes - firstBytes) / n) : java.util.Optional.empty();
        }
    }

    /** The grid without the points where the workload suspends, for a model that cannot suspend. */
    protected static List<Point> withoutSuspensions(List<Point> grid, String suspensionsParam) {
        return grid.stream().filter(p -> p.count(suspensionsParam) == 0).toList();
    }

    /** Fails unless the sink holds 1 + 2 + ... + iterations: the loop's n-th iteration got n back. */
    protected static void requireSumOfIterationNumbers(Tally tally, String iterationsName, String sinkName)
            throws WorkMismatchException {
        long n = tally.iterations();
        WorkMismatchException.requireEqual("1+..+" + iterationsName, n * (n + 1) / 2, sinkName, tally.sink);
    }

    /** The two counters most loops have: their iterations and their sink, under the experiment's names. */
    protected static Map<String, Long> iterationsAndSink(Tally tally, String iterationsName, String sinkName) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put(iterationsName, tally.iterations());
        counts.put(sinkName, tally.sink);
        return counts;
    }

    /** Nanoseconds per iteration from iterations per second (see {@link #timePerEvent}). */
    protected static Metric nanosPerIteration(Metric iterationsPerSecond) {
        return timePerEvent(iterationsPerSecond, 1e9, "ns");
    }

    /**
     * Time per event from events per second over equal windows: {@code scale} over the mean rate, which
     * is all the time over all the events, so a window in which none finished counts as the stall it
     * was rather than as an infinite time; its error is the rate's, carried to first order
     * (scale x error / rate²). Each window's own time per event is kept where the window finished one.
     */
    protected static Metric timePerEvent(Metric perSecond, double scale, String unit) {
        double rate = perSecond.value();
        Double error = perSecond.error() == null ? null : scale * perSecond.error() / (rate * rate);
        List<Double> windows = perSecond.samples().stream().filter(r -> r > 0).map(r -> scale / r).toList();
        return new Metric(scale / rate, error, unit, windows);
    }

    /** Each window's rate turned into another unit, with the statistics of the new samples. */
    protected static Metric perWindow(Metric perSecond, java.util.function.DoubleUnaryOperator convert, String unit) {
        List<Double> samples = perSecond.samples().stream().map(convert::applyAsDouble).toList();
        return Windows.of(samples, unit);
    }

    private static void await(CompletableFuture<Void> done) throws Exception {
        try {
            done.get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("the loop did not end within " + STOP_TIMEOUT_SECONDS + " s of being stopped", e);
        }
    }
}
