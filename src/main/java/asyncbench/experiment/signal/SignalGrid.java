package asyncbench.experiment.signal;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Measurement;
import asyncbench.experiment.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Windows;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.os.ThreadBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * The readers x writers signal grid: R readers each drain their own pipe, W writers loop over their
 * share of the pipes adding a segment to each; a reader that finds its pipe empty waits to be
 * signalled. The figure is reader iterations per second over the measured windows.
 *
 * <p>Writers are platform threads under every model, so only how readers wait differs. Thread start,
 * warm-up and the final drain are not measured. After the run every pipe is closed and drained, and
 * the cell fails unless segments written equal iterations counted and wake-ups sent equal wake-ups
 * received.
 */
public final class SignalGrid implements Experiment {
    public static final String READERS = "readers";
    public static final String WRITERS = "writers";
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final String description;
    private final List<Param> params;

    private SignalGrid(String name, String description, List<Param> params) {
        this.name = name;
        this.description = description;
        this.params = params;
    }

    /** The published grid: readers 2^5..2^17 x writers 1..32. */
    public static SignalGrid grid() {
        return new SignalGrid("signal-grid",
                "R readers x W writers over per-reader pipes; reader iterations/s (thread start and drain not timed)",
                List.of(
                        Param.of(READERS, "readers, one pipe each",
                                List.of(32L, 1024L), List.of(32L, 256L, 2048L, 16384L), Param.powersOfTwo(5, 17)),
                        Param.of(WRITERS, "writer threads; readers are split evenly among them",
                                List.of(1L, 4L), List.of(1L, 16L), List.of(1L, 2L, 4L, 8L, 16L, 32L))));
    }

    /** One reader and one writer: the cost of a signal round trip and nothing else. */
    public static SignalGrid pair() {
        List<Long> one = List.of(1L);
        return new SignalGrid("signal-pair",
                "1 reader and 1 writer over one pipe; reader iterations/s (thread start and drain not timed)",
                List.of(Param.of(READERS, "readers, one pipe each", one, one, one),
                        Param.of(WRITERS, "writer threads", one, one, one)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Model> models() {
        return Readers.models();
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public Headline headline() {
        return new Headline("iterationsPerSecond", true);
    }

    @Override
    public long heapMegabytes(Model model, Map<String, Long> point) {
        return 256 + point.get(READERS) * 4 / 1024;
    }

    @Override
    public Outcome run(Model model, Map<String, Long> point, Measurement measurement, Probe probe) throws Exception {
        int readerCount = Math.toIntExact(point.get(READERS));
        int writerCount = Math.toIntExact(point.get(WRITERS));
        if (writerCount > readerCount) {
            throw new IllegalArgumentException(
                    "writers (" + writerCount + ") must not exceed readers (" + readerCount + ")");
        }
        ThreadBudget.require(writerCount + (model == Model.PLATFORM ? readerCount : 0));
        try (ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors())) {
            Readers readers = Readers.start(model, readerCount, pool);
            Writers writers = new Writers(readers, writerCount);
            Metric rate;
            try {
                rate = Windows.ratePerSecond(measurement, readers::iterations, "iterations/s");
                probe.peak();
            } finally {
                writers.stop();
                readers.close(DRAIN_TIMEOUT);
            }
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put("segmentsWritten", readers.added());
            counters.put("iterations", readers.iterations());
            counters.put("segmentsLeft", readers.remaining());
            counters.put("wakeupsSent", readers.wakeupsSent());
            counters.put("wakeupsReceived", readers.wakeupsReceived());
            WorkMismatchException.requireEqual("segmentsWritten", counters.get("segmentsWritten"),
                    "iterations", counters.get("iterations"));
            WorkMismatchException.requireEqual("wakeupsSent", counters.get("wakeupsSent"),
                    "wakeupsReceived", counters.get("wakeupsReceived"));
            return new Outcome(Map.of("iterationsPerSecond", rate), counters);
        }
    }

    /** Platform threads that loop over their share of the pipes, adding a segment to each. */
    private static final class Writers {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Writers(Readers readers, int count) {
            for (int w = 0; w < count; w++) {
                List<Pipe<?>> share = new ArrayList<>();
                for (int i = w; i < readers.size(); i += count) {
                    share.add(readers.pipe(i));
                }
                Pipe<?>[] pipes = share.toArray(new Pipe<?>[0]);
                threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> write(pipes)));
            }
        }

        private void write(Pipe<?>[] pipes) {
            int i = 0;
            while (!stopped) {
                pipes[i].add();
                i = i + 1 == pipes.length ? 0 : i + 1;
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            for (Thread t : threads) {
                t.join();
            }
        }
    }
}
