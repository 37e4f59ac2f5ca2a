package asyncbench.experiment.grid;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Windows;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import asyncbench.os.ProcStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readers x writers signal grid: R readers each drain their own pipe, W writers loop over their
 * share of the pipes adding a segment to each; a reader that finds its pipe empty waits to be
 * signalled. The figure is reader iterations per second over the measured windows.
 *
 * <p>Writers are platform threads under every model, so only how readers wait differs. Thread start,
 * warm-up and the stop are not measured. After the run the writers stop and every pipe is closed (as
 * in the original, what is still in a pipe is not drained), and the cell fails unless segments written
 * equal iterations counted plus segments left, and wake-ups sent equal wake-ups received.
 */
public final class SignalGrid implements Experiment {
    public static final String READERS = "readers";
    public static final String WRITERS = "writers";
    public static final String COUNTING = "counting";
    public static final String COMPLETION = "completion";
    /** Waits that a signal ended, per iteration: how often a reader found its pipe empty. */
    public static final String WAITS_PER_ITERATION = "waitsPerIteration";
    public static final String RESUMED_OFF_WRITER = "resumedOffWriter";
    public static final String ITERATIONS_PER_SECOND = "iterationsPerSecond";
    public static final String SEGMENTS_WRITTEN = "segmentsWritten";
    public static final String ITERATIONS = "iterations";
    public static final String SEGMENTS_LEFT = "segmentsLeft";
    public static final String WAKEUPS_SENT = "wakeupsSent";
    public static final String WAKEUPS_RECEIVED = "wakeupsReceived";
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    /** Segments each writer adds to each of its pipes in an untimed, fixed-work run. */
    static final long COUNTED_ROUNDS = 1_000;

    /** The published experiment this one reproduces. */
    static final String ORIGINAL = "GhostTyper/ClassicVsAsyncAwait (C#)";
    private final Spec spec;

    private SignalGrid(String name, String description, Origin origin, List<Param> params) {
        this.spec = Spec.of(name, description, origin, Readers.STYLES, params, new Headline(ITERATIONS_PER_SECOND, true));
    }

    /** The published grid: readers 2^5..2^17 x writers 1..32. */
    public static SignalGrid grid() {
        return new SignalGrid("signal-grid",
                "R readers x W writers over per-reader pipes; reader iterations/s (thread start and stop not timed)",
                new Origin("The readers x writers grid of " + ORIGINAL + ": R readers each drain their own pipe, W writers fill them; classic "
                        + "threads wait on auto-reset events, async readers await a task the writer completes.",
                        "The original's heatmap of async / classic iterations x 100, readers down and writers across, green where "
                        + "async is faster; at 1 x 1 it measured 355 M iterations for classic and 141 M for async."),
                List.of(
                        Param.of(READERS, "readers, one pipe each",
                                List.of(32L), List.of(32L, 512L), Param.powersOfTwo(5, 17)),
                        Param.of(WRITERS, "writer threads; readers are split evenly among them",
                                List.of(2L), List.of(1L, 8L), List.of(1L, 2L, 4L, 8L, 16L, 32L)),
                        counting(), completion()));
    }

    /**
     * One reader and one writer, the original's 1 x 1 corner. The writer adds segments faster than the
     * reader takes them, so the reader seldom finds its pipe empty (waits per iteration says how seldom):
     * this measures a reader and a writer contending for one pipe's lock, not a signalling round trip,
     * which is what {@code handover} measures.
     */
    public static SignalGrid pair() {
        List<Long> one = List.of(1L);
        return new SignalGrid("signal-pair",
                "1 reader and 1 writer over one pipe, contending for its lock (the reader seldom waits); reader iterations/s "
                        + "(thread start and stop not timed)",
                new Origin("The 1 reader x 1 writer corner of " + ORIGINAL + "'s grid: a thread blocked on an auto-reset event against an awaiting task.",
                        "355 M iterations for classic threads and 141 M for async at 1 x 1, a minute each (the tables here are per second)."),
                List.of(Param.of(READERS, "readers, one pipe each", one, one, one),
                        Param.of(WRITERS, "writer threads", one, one, one),
                        counting(), completion()));
    }

    /**
     * How the writer wakes an asynchronous reader: queued to a pool, the original's (the default in every
     * profile, and what the heatmaps compare), or inline, resumed by the writer itself (full profile).
     */
    private static Param completion() {
        List<String> original = List.of(Completion.QUEUED.id);
        return Param.choice(COMPLETION, "how a writer wakes an async reader: queued to a pool, as the original's "
                        + "QueueUserWorkItem(SetResult), or inline, run by the writer inside the pipe's lock (readers on threads wait on an event either way)",
                Completion.ids(), original, original, Completion.ids());
    }

    /**
     * Readers on threads wait on an event whatever the completion, so they run at the queued points only;
     * so does {@code coroutine}, whose dispatcher always queues.
     */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        boolean inlineToo = model.style() == Style.CALLBACK || model == Model.SUSPEND;
        return inlineToo ? grid : grid.stream().filter(p -> p.choice(COMPLETION).equals(Completion.QUEUED.id)).toList();
    }

    private static Completion completion(Point point) {
        return Completion.byId(point.choice(COMPLETION));
    }

    /** The original counts every read under its writer's lock; perReader takes that contention away. */
    private static Param counting() {
        List<String> original = List.of(Tally.Counting.SHARED.id);
        return Param.choice(COUNTING, "how readers count: under one lock per writer (the original's) or each on its own",
                Tally.Counting.ids(), original, original, original);
    }

    private static Tally[] tallies(Point point, int readers, int writers) {
        return Tally.of(Tally.Counting.byId(point.choice(COUNTING)), readers, writers);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Optional<String> reject(Point point) {
        long readers = point.count(READERS);
        long writers = point.count(WRITERS);
        return writers > readers
                ? Optional.of("writers (" + writers + ") must not exceed readers (" + readers + "): each writer needs a reader")
                : Optional.empty();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 256 + point.count(READERS) * 4 / 1024;
    }

    /** Every writer adds {@link #COUNTED_ROUNDS} segments to each of its pipes; every reader drains its pipe. */
    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        int readerCount = point.intCount(READERS);
        int writerCount = point.intCount(WRITERS);
        LimitReachedException.requireThreads(writerCount);
        try (ModelRuntime runtime = model.open()) {
            Readers readers = Readers.start(runtime, tallies(point, readerCount, writerCount), completion(point));
            Writers writers = new Writers(readers, writerCount, COUNTED_ROUNDS);
            writers.awaitDone();
            readers.awaitDrained(DRAIN_TIMEOUT);
            readers.close(DRAIN_TIMEOUT);
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put(SEGMENTS_WRITTEN, readers.added());
            counters.put(ITERATIONS, readers.iterations());
            return counters;
        }
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        int readerCount = point.intCount(READERS);
        int writerCount = point.intCount(WRITERS);
        if (writerCount > readerCount) {
            throw new IllegalArgumentException(
                    "writers (" + writerCount + ") must not exceed readers (" + readerCount + ")");
        }
        LimitReachedException.requireThreads(writerCount);
        // the measuring thread gets a small share of two cores once the readers and writers run: load
        // what it needs then (statistics, /proc readings) now
        Windows.of(List.of(1.0, 2.0), "");
        ProcStatus.read();
        try (ModelRuntime runtime = model.open()) {
            Readers readers = Readers.start(runtime, tallies(point, readerCount, writerCount), completion(point));
            Writers writers = new Writers(readers, writerCount, Long.MAX_VALUE);
            Metric rate;
            try {
                rate = Windows.ratePerSecond(measurement, readers::iterations, "iterations/s");
                probe.peak();
            } finally {
                writers.stop();
                readers.close(DRAIN_TIMEOUT);
            }
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put(SEGMENTS_WRITTEN, readers.added());
            counters.put(ITERATIONS, readers.iterations());
            counters.put(SEGMENTS_LEFT, readers.remaining());
            counters.put(WAKEUPS_SENT, readers.wakeupsSent());
            counters.put(WAKEUPS_RECEIVED, readers.wakeupsReceived());
            counters.put(RESUMED_OFF_WRITER, readers.resumedOffWriter());
            WorkMismatchException.requireEqual(SEGMENTS_WRITTEN, counters.get(SEGMENTS_WRITTEN),
                    ITERATIONS + "+" + SEGMENTS_LEFT, counters.get(ITERATIONS) + counters.get(SEGMENTS_LEFT));
            WorkMismatchException.requireEqual(WAKEUPS_SENT, counters.get(WAKEUPS_SENT),
                    WAKEUPS_RECEIVED, counters.get(WAKEUPS_RECEIVED));
            // the hand-off the point asks for: every wait ended off the writer's thread (queued), or none did (inline)
            boolean inline = completion(point) == Completion.INLINE && model.style() != Style.THREADS;
            WorkMismatchException.requireEqual(inline ? "waits resumed off the writer (inline: none)" : WAKEUPS_RECEIVED,
                    inline ? 0 : counters.get(WAKEUPS_RECEIVED), RESUMED_OFF_WRITER, counters.get(RESUMED_OFF_WRITER));
            Map<String, Metric> metrics = new LinkedHashMap<>();
            metrics.put(ITERATIONS_PER_SECOND, rate);
            long iterations = Math.max(1, counters.get(ITERATIONS));
            metrics.put(WAITS_PER_ITERATION, Metric.once((double) counters.get(WAKEUPS_RECEIVED) / iterations, "waits/iteration"));
            return new Outcome(metrics, counters);
        }
    }

    /** Platform threads that loop over their share of the pipes, adding a segment to each, for some rounds or until stopped. */
    private static final class Writers {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Writers(Readers readers, int count, long rounds) {
            for (int w = 0; w < count; w++) {
                List<Pipe<?>> share = new ArrayList<>();
                for (int i = w; i < readers.size(); i += count) {
                    share.add(readers.pipe(i));
                }
                Pipe<?>[] pipes = share.toArray(new Pipe<?>[0]);
                threads.add(Thread.ofPlatform().name(Completion.WRITER + w).start(() -> write(pipes, rounds)));
            }
        }

        private void write(Pipe<?>[] pipes, long rounds) {
            for (long round = 0; round < rounds && !stopped; round++) {
                for (Pipe<?> p : pipes) {
                    p.add();
                }
            }
        }

        void awaitDone() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            awaitDone();
        }
    }
}
