package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Chart;
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
import asyncbench.os.ProcStatus;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The memory of an idle task against the depth of the stack it waits at: {@code tasks} tasks, each
 * descending {@code depth} frames and waiting at the leaf. A frame is lean by default (one int and its
 * level live across the call below, so that what shows is the model's own cost of a frame) or, with
 * {@code frame=boxes}, suspended-gc's frame (twelve boxed ints and its level). Suspended in
 * {@value #BATCHES} equal batches, with the process's memory (resident set outside the pre-touched heap,
 * plus heap used after a full GC) read the same way before the first and after each; the figure is the
 * slope of a least-squares line through all six readings (bytes per task), each batch's own increase
 * per task recorded beside it. A parked platform thread keeps its frames on its own stack, a virtual
 * thread or a bare continuation freezes them into the heap, futures and coroutines hold one object per
 * frame. Released, every frame checks its values: the cell fails unless all {@code tasks x depth} do.
 */
public final class IdleMemory implements Experiment {
    public static final String TASKS = "tasks";
    public static final String DEPTH = "depth";
    public static final String BYTES_PER_TASK = "bytesPerTask";
    public static final String FITTED_BYTES_PER_TASK = "fittedBytesPerTask";
    public static final String HEAP_BYTES_PER_TASK = "heapBytesPerTask";
    public static final String NATIVE_BYTES_PER_TASK = "nativeBytesPerTask";
    public static final String FRAMES_CHECKED = "framesChecked";
    public static final String FRAME = "frame";
    public static final List<String> FRAMES = List.of("lean", "boxes");
    static final int BATCHES = 5;
    private static final Set<Model> MODELS = Set.of(Model.PLATFORM, Model.VIRTUAL, Model.CONTINUATION, Model.FUTURE,
            Model.COROUTINE, Model.SUSPEND);

    private static final Spec SPEC = Spec.of("idle-memory", "memory per idle task against the depth of the stack it waits at (native resident + heap after GC, the slope over five batches)",
            new Origin("The discussion \"When/why is async good for performance?\": the memory of an idle task, measured against "
                + "the depth of the stack it waits at.",
                "The discussion's estimate: a kernel stack of 8-16 KiB and a user stack per thread, about 100 bytes per future."),
            List.of(Style.THREADS, Style.CONTINUATIONS, Style.CALLBACK, Style.COROUTINES),
            List.of(
                Param.of(TASKS, "idle tasks, suspended in five equal batches", 5, 1_000_000,
                        List.of(5_000L), List.of(10_000L), List.of(20_000L)),
                Param.of(DEPTH, "frames below each task's top when it waits", 1, 10_000,
                        List.of(64L), List.of(1L, 64L, 256L), List.of(1L, 4L, 16L, 64L, 256L, 1024L)),
                Param.choice(FRAME, "lean: one int a frame; boxes: suspended-gc's twelve boxed ints a frame", FRAMES,
                        List.of("lean"), List.of("lean"), FRAMES)),
            new Headline(FITTED_BYTES_PER_TASK, false))
            // One model per way of keeping a waiting stack: futurePool and virtual1 keep theirs as future and virtual do.
            .withOnly(MODELS)
            // The crossover: memory per idle task against the depth it waits at, one line per model.
            .withCharts(List.of(Chart.against("Memory per idle task against its stack depth", DEPTH, FITTED_BYTES_PER_TASK, "bytes per task", true, true)));

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** About 600 bytes a frame of boxes (its boxes and its frame or state object), 200 a lean one, over a fixed base. */
    @Override
    public long heapMegabytes(Model model, Point point) {
        long perFrame = lean(point) ? 200 : 600;
        return 256 + point.count(TASKS) * point.count(DEPTH) * perFrame / (1024 * 1024);
    }

    private static boolean lean(Point point) {
        return point.choice(FRAME).equals("lean");
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        return measure(model, point, null);
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        List<long[]> readings = new ArrayList<>();
        Map<String, Long> counts = measure(model, point, (tasksSoFar, heap, rss) -> {
            readings.add(new long[] {tasksSoFar, heap, rss});
            if (tasksSoFar == point.count(TASKS)) {
                probe.peak();
            }
        });
        long tasks = point.count(TASKS);
        WorkMismatchException.requireEqual(TASKS + "*" + DEPTH, tasks * point.count(DEPTH), FRAMES_CHECKED, counts.get(FRAMES_CHECKED));
        List<Double> perBatch = new ArrayList<>();
        List<Double> heapPerBatch = new ArrayList<>();
        List<Double> nativePerBatch = new ArrayList<>();
        SimpleRegression line = new SimpleRegression();
        for (int i = 0; i < readings.size(); i++) {
            long[] r = readings.get(i);
            line.addData(r[0], r[1] + r[2]);
            if (i > 0) {
                long[] before = readings.get(i - 1);
                double n = r[0] - before[0];
                heapPerBatch.add((r[1] - before[1]) / n);
                nativePerBatch.add((r[2] - before[2]) / n);
                perBatch.add((r[1] - before[1] + r[2] - before[2]) / n);
            }
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(BYTES_PER_TASK, Windows.of(perBatch, "bytes"));
        metrics.put(FITTED_BYTES_PER_TASK, Metric.once(line.getSlope(), "bytes"));
        metrics.put(HEAP_BYTES_PER_TASK, Windows.of(heapPerBatch, "bytes"));
        metrics.put(NATIVE_BYTES_PER_TASK, Windows.of(nativePerBatch, "bytes"));
        return new Outcome(metrics, counts);
    }

    /** What is read after each batch: tasks waiting so far, heap used after a GC, resident memory. */
    private interface Reading {
        void after(long tasksSoFar, long heapBytes, long rssBytes);
    }

    /** Suspends the tasks batch by batch, reading memory after each when {@code reading} is given, then releases them all. */
    private static Map<String, Long> measure(Model model, Point point, Reading reading) throws Exception {
        int tasks = point.intCount(TASKS);
        int depth = point.intCount(DEPTH);
        long checked = 0;
        try (ModelRuntime runtime = model.open()) {
            List<Stacks> batches = new ArrayList<>();
            try {
                if (reading != null) {
                    reading.after(0, heapUsedAfterGc(), ProcStatus.read().rssBytes());
                }
                for (int b = 0; b < BATCHES; b++) {
                    int size = tasks / BATCHES + (b < tasks % BATCHES ? 1 : 0);
                    Stacks batch = Stacks.of(runtime, size, depth, lean(point));
                    batches.add(batch);
                    batch.suspendAll();
                    if (reading != null) {
                        long heap = heapUsedAfterGc();
                        reading.after(tasksSoFar(tasks, b + 1), heap, ProcStatus.read().rssBytes());
                    }
                }
            } finally {
                for (Stacks batch : batches) {
                    checked += batch.resumeAll();
                }
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(TASKS, (long) tasks);
        counts.put(FRAMES_CHECKED, checked);
        return counts;
    }

    private static long tasksSoFar(int tasks, int batches) {
        long n = 0;
        for (int b = 0; b < batches; b++) {
            n += tasks / BATCHES + (b < tasks % BATCHES ? 1 : 0);
        }
        return n;
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
