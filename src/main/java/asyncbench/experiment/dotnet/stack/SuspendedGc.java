package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The .NET runtime's GC-roots benchmark: many tasks suspended at the bottom of deep stacks, each frame
 * holding twelve boxed ints, while the collector makes young collections. Where the suspended state
 * lives decides what a young collection must scan: futures and coroutine state machines are ordinary
 * heap objects, a virtual thread's frames are frozen into heap stack chunks, a platform thread's stay
 * on its own stack, a root the collector walks every time.
 *
 * <p>After the tasks are suspended and {@value #AGING_COLLECTIONS} young collections have run untimed (the suspended state is then old), {@code collections}
 * young collections are forced by allocating garbage; each one's pauses are read from the flight
 * recorder. Then the gate opens and every frame checks its twelve values: the cell fails unless all
 * {@code tasks x depth} frames come back intact. The collector is a parameter, each cell's JVM runs it.
 */
public final class SuspendedGc implements Experiment {
    public static final String TASKS = "tasks";
    public static final String DEPTH = "depth";
    public static final String GC = "gc";
    public static final List<String> COLLECTORS = List.of("g1", "parallel", "zgc");
    public static final String COLLECTIONS = "collections";
    public static final String LIFETIME = "lifetime";
    public static final List<String> LIFETIMES = List.of("long", "short");
    public static final String YOUNG_PAUSE = "youngPauseMicros";
    public static final String YOUNG_PAUSE_MEDIAN = "youngPauseMedianMicros";
    public static final String YOUNG_PAUSE_MAX = "youngPauseMaxMicros";
    public static final String YOUNG_DURATION = "youngCollectionMicros";
    public static final String HEAP_AFTER = "heapAfterYoungMegabytes";
    public static final String RECORDED = "youngCollectionsRecorded";
    public static final String FRAMES_CHECKED = "framesChecked";
    /**
     * Young collections forced untimed once the tasks are suspended, so that every timed one finds the
     * suspended state old: HotSpot's largest tenuring threshold is 15, so after 16 young collections
     * every object that survived them has been promoted (the original times from its second
     * collection on, and amortises the first over 500).
     */
    static final int AGING_COLLECTIONS = 16;
    /** The young generation, fixed where the collector allows it, so that every forced collection frees the same garbage. */
    private static final int YOUNG_MEGABYTES = 128;
    private static final Duration FORCE_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<Model> MODELS = Set.of(Model.FUTURE, Model.COROUTINE, Model.VIRTUAL, Model.CONTINUATION, Model.PLATFORM);

    private static final Spec SPEC = Spec.of("suspended-gc", "tasks x depth frames suspended, twelve boxed ints live per frame, while young collections are forced; "
                + "young pause per collection from the flight recorder",
            new Origin("dotnet/runtime src/tests/async gc-roots-scan: many tasks suspended 100 frames deep with live values in "
                + "every frame, and the young collections they make dear.",
                "The original's working sets: 148 / 499 / 328 MB for classic / stack capture / JIT state machines; its pauses are "
                + "of .NET's collector, shapes to set beside these."),
            List.of(Style.CALLBACK, Style.COROUTINES, Style.THREADS, Style.CONTINUATIONS),
            List.of(
                Param.of(TASKS, "suspended tasks", List.of(1_000L), List.of(2_000L), List.of(10_000L)),
                Param.of(DEPTH, "frames below each task's top, each holding twelve boxed ints", 1, 10_000,
                        List.of(100L), List.of(100L), List.of(100L)),
                Param.choice(GC, "the collector of the cell's JVM (generational ZGC)", COLLECTORS,
                        List.of("g1"), List.of("g1"), COLLECTORS),
                Param.of(COLLECTIONS, "young collections forced and timed (the original times 500)", 1, 100_000,
                        List.of(10L), List.of(20L), List.of(500L)),
                Param.choice(LIFETIME, "long: the same stacks stay suspended through every collection, as in the original; "
                        + "short: the stacks are suspended anew before each collection and resumed after it",
                        LIFETIMES, List.of("long"), List.of("long"), LIFETIMES)),
            new Headline(YOUNG_PAUSE, false))
            // The original's three designs and the platform thread: library futures first, then compiler state machines, captured stacks.
            .withOnly(MODELS);

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public List<String> jvmFlags(Point point) {
        return switch (point.choice(GC)) {
            case "g1" -> List.of("-XX:+UseG1GC", "-Xmn" + YOUNG_MEGABYTES + "m");
            case "parallel" -> List.of("-XX:+UseParallelGC", "-Xmn" + YOUNG_MEGABYTES + "m");
            default -> List.of("-XX:+UseZGC");
        };
    }

    /** About 800 bytes a frame (its boxes, its frame or state object, room to copy them) over a fixed base. */
    @Override
    public long heapMegabytes(Model model, Point point) {
        return 384 + point.count(TASKS) * point.count(DEPTH) * 800 / (1024 * 1024);
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        int tasks = point.intCount(TASKS);
        int depth = point.intCount(DEPTH);
        long checked;
        try (ModelRuntime runtime = model.open()) {
            Stacks stacks = Stacks.of(runtime, tasks, depth);
            stacks.suspendAll();
            checked = stacks.resumeAll();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(TASKS, (long) tasks);
        counts.put(FRAMES_CHECKED, checked);
        return counts;
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        Map<String, Long> counts = countOnce(model, point);
        long tasks = point.count(TASKS);
        long depth = point.count(DEPTH);
        WorkMismatchException.requireEqual(TASKS + "*" + DEPTH, tasks * depth, FRAMES_CHECKED, counts.get(FRAMES_CHECKED));
        int collections = point.intCount(COLLECTIONS);
        boolean longLived = point.choice(LIFETIME).equals("long");
        List<YoungCollections.Collection> young;
        long checked;
        long rounds = longLived ? 1 : collections;
        try (ModelRuntime runtime = model.open()) {
            if (longLived) {
                Stacks stacks = Stacks.of(runtime, Math.toIntExact(tasks), Math.toIntExact(depth));
                stacks.suspendAll();
                YoungCollections.force(AGING_COLLECTIONS, FORCE_TIMEOUT);
                young = YoungCollections.recorded(() -> YoungCollections.force(collections, FORCE_TIMEOUT));
                probe.peak();
                checked = stacks.resumeAll();
            } else {
                ShortLived run = new ShortLived(runtime, Math.toIntExact(tasks), Math.toIntExact(depth), collections, probe);
                young = run.young();
                checked = run.checked;
            }
        }
        WorkMismatchException.requireEqual(TASKS + "*" + DEPTH + "*rounds", tasks * depth * rounds, FRAMES_CHECKED, checked);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        List<Double> pauses = young.stream().map(c -> micros(c.pauses())).toList();
        metrics.put(YOUNG_PAUSE, Windows.of(pauses, "us"));
        // the first collections copy the newly suspended state; the median is the pause once it has aged
        metrics.put(YOUNG_PAUSE_MEDIAN, Metric.once(median(pauses), "us"));
        metrics.put(YOUNG_PAUSE_MAX, Metric.once(pauses.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), "us"));
        metrics.put(YOUNG_DURATION, Windows.of(young.stream().map(c -> micros(c.duration())).toList(), "us"));
        young.stream().mapToLong(YoungCollections.Collection::heapAfterBytes).filter(b -> b >= 0).average()
                .ifPresent(b -> metrics.put(HEAP_AFTER, Metric.once(b / (1024 * 1024), "MiB")));
        metrics.put(RECORDED, Metric.once(young.size(), "collections"));
        return new Outcome(metrics, counts);
    }

    /**
     * Short-lived suspended state: before each collection the stacks are suspended anew, and resumed
     * after it. Building them allocates, so the collector also collects while they are built; only the
     * forced collection of each round, the one that finds them just suspended, is kept.
     */
    private static final class ShortLived {
        private final List<YoungCollections.Collection> forced = new ArrayList<>();
        private long checked;

        ShortLived(ModelRuntime runtime, int tasks, int depth, int collections, Probe probe) throws Exception {
            List<Instant[]> windows = new ArrayList<>();
            List<YoungCollections.Collection> all = YoungCollections.recorded(() -> {
                for (int i = 0; i < collections; i++) {
                    Stacks stacks = Stacks.of(runtime, tasks, depth);
                    stacks.suspendAll();
                    Instant from = Instant.now();
                    YoungCollections.force(1, FORCE_TIMEOUT);
                    windows.add(new Instant[] {from, Instant.now()});
                    if (i == collections - 1) {
                        probe.peak();
                    }
                    checked += stacks.resumeAll();
                }
            });
            for (YoungCollections.Collection c : all) {
                if (windows.stream().anyMatch(w -> c.startedWithin(w[0], w[1]))) {
                    forced.add(c);
                }
            }
        }

        List<YoungCollections.Collection> young() {
            if (forced.isEmpty()) {
                throw new IllegalStateException("no forced young collection was recorded");
            }
            return forced;
        }
    }

    private static double median(List<Double> values) {
        ListStatistics stats = new ListStatistics();
        values.forEach(stats::addValue);
        return stats.getPercentile(50);
    }

    private static double micros(Duration d) {
        return d.toNanos() / 1e3;
    }
}
