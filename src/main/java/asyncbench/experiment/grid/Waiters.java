package asyncbench.experiment.grid;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Growth;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.os.ProcStatus;
import asyncbench.os.ThreadBudget;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The memory of N readers all waiting for a signal that has not come: a parked thread each, or a
 * future with its continuation each. Measured once all N wait: growth of resident memory outside the
 * (pre-touched) heap and growth of heap used after a full GC, per waiter; and the time to create them.
 * Then every pipe is closed and the cell fails unless every waiter woke exactly once.
 */
public final class Waiters implements Experiment {
    public static final String WAITERS = "waiters";
    public static final String BYTES = "bytes";
    public static final String BYTES_PER_WAITER = "bytesPerWaiter";
    public static final String HEAP_BYTES_PER_WAITER = "heapBytesPerWaiter";
    public static final String NATIVE_BYTES_PER_WAITER = "nativeBytesPerWaiter";
    public static final String CREATE_NANOS_PER_WAITER = "createNanosPerWaiter";
    public static final String WAKEUPS_SENT = "wakeupsSent";
    public static final String WAKEUPS_RECEIVED = "wakeupsReceived";
    public static final String ITERATIONS = "iterations";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(120);
    /** How often the count of waiting readers is read while they are created: the creation time's resolution. */
    private static final long POLL_NANOS = 200_000;

    private static final Spec SPEC = Spec.of("waiters", "N readers all waiting on a signal; memory grown (native RSS + heap after GC), per waiter and as a slope over N, and creation time",
            new Origin("The memory question of " + SignalGrid.ORIGINAL + " and of the discussion \"When/why is async good for performance?\": "
                + "what one more waiting task costs as a thread, a virtual thread, a future or a coroutine.",
                "2^17 threads took 4 GB of memory on the original's Windows machine and 2^17 awaiting tasks 750 MB "
                + "(about 32 KiB and 6 KiB each); the discussion estimates 8-16 KiB of kernel stack per thread and about 100 bytes per future."),
            Readers.STYLES,
            List.of(Param.of(WAITERS, "readers waiting at once",
                List.of(1L << 10, 1L << 12), List.of(1L << 10, 1L << 13, 1L << 16), Param.powersOfTwo(10, 20))),
            new Headline(BYTES_PER_WAITER, false))
            // Memory grows with the waiters: the report fits a line, whose slope is the bytes of one more waiter.
            .withGrowth(new Growth(WAITERS, BYTES, "bytes per waiter"));

    @Override
    public Spec spec() {
        return SPEC;
    }

    /**
     * Platform threads meet the kernel's limit on threads inside the grid: they also run at the last power
     * of two below it, so that the table has a platform figure near the limit.
     */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        if (!model.osThreadPerTask()) {
            return grid;
        }
        long limit = ThreadBudget.now().available();
        if (grid.stream().noneMatch(p -> p.count(WAITERS) > limit) || limit < 2) {
            return grid;
        }
        java.util.TreeSet<Long> counts = new java.util.TreeSet<>();
        grid.forEach(p -> counts.add(p.count(WAITERS)));
        counts.add(Long.highestOneBit(limit - 1));
        return counts.stream().map(n -> Point.EMPTY.with(WAITERS, n)).toList();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        // a parked virtual thread keeps its stack on the heap; the others keep little there
        long kilobytesPerWaiter = switch (model.style()) {
            case THREADS, CONTINUATIONS -> 3;
            case CALLBACK, EVENT_LOOP, TASKS, COROUTINES, EXTERNAL -> 1;
        };
        return 256 + point.count(WAITERS) * kilobytesPerWaiter / 1024;
    }

    /** N readers wait, then every pipe is closed: each must wake exactly once. */
    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        int count = point.intCount(WAITERS);
        try (ModelRuntime runtime = model.open()) {
            return wakeAll(startWaiting(runtime, count), count);
        }
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        int count = point.intCount(WAITERS);
        try (ModelRuntime runtime = model.open()) {
            long heapBefore = heapUsedAfterGc();
            long rssBefore = ProcStatus.read().rssBytes();
            long start = System.nanoTime();
            Readers readers = startWaiting(runtime, count);
            long createNanos = System.nanoTime() - start;
            long heapAfter = heapUsedAfterGc();
            long rssAfter = ProcStatus.read().rssBytes();
            probe.peak();

            Map<String, Long> counters = new LinkedHashMap<>(wakeAll(readers, count));
            counters.put(ITERATIONS, readers.iterations());
            WorkMismatchException.requireEqual(WAITERS, count, WAKEUPS_SENT, counters.get(WAKEUPS_SENT));
            WorkMismatchException.requireEqual(WAITERS, count, WAKEUPS_RECEIVED, counters.get(WAKEUPS_RECEIVED));

            double heapPerWaiter = (double) (heapAfter - heapBefore) / count;
            double nativePerWaiter = (double) (rssAfter - rssBefore) / count;
            Map<String, Metric> metrics = new LinkedHashMap<>();
            metrics.put(BYTES_PER_WAITER, Metric.once(heapPerWaiter + nativePerWaiter, "bytes"));
            metrics.put(BYTES, Metric.once((double) (heapAfter - heapBefore) + (rssAfter - rssBefore), "bytes"));
            metrics.put(HEAP_BYTES_PER_WAITER, Metric.once(heapPerWaiter, "bytes"));
            metrics.put(NATIVE_BYTES_PER_WAITER, Metric.once(nativePerWaiter, "bytes"));
            metrics.put(CREATE_NANOS_PER_WAITER, Metric.once((double) createNanos / count, "ns"));
            return new Outcome(metrics, counters);
        }
    }

    /** Starts {@code count} readers, each counting on its own, and returns once every one of them waits. */
    private static Readers startWaiting(ModelRuntime runtime, int count) throws Exception {
        Readers readers = Readers.start(runtime, Tally.of(Tally.Counting.PER_READER, count, 1), Completion.QUEUED);
        try {
            awaitAllWaiting(readers, count);
        } catch (TimeoutException e) {
            readers.close(SETTLE_TIMEOUT);
            throw e;
        }
        return readers;
    }

    /** Closes every pipe, which must wake each waiter exactly once, and returns the counts that show it. */
    private static Map<String, Long> wakeAll(Readers readers, int count) throws InterruptedException, TimeoutException {
        readers.close(SETTLE_TIMEOUT);
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(WAITERS, (long) count);
        counters.put(WAKEUPS_SENT, readers.wakeupsSent());
        counters.put(WAKEUPS_RECEIVED, readers.wakeupsReceived());
        return counters;
    }

    private static void awaitAllWaiting(Readers readers, int count) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (readers.waiting() < count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(readers.waiting() + " of " + count + " readers waiting after " + SETTLE_TIMEOUT);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
