package asyncbench.experiment.forum.spawn;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Windows;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.result.Metric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The suite's creation benchmarks, as bookkeeping that every model's spawning loop shares: batches
 * of {@code size} tasks, each batch's creation loop timed alone, then its tasks joined, and for each
 * task the time from just before its spawn to the first instruction of its body ("creation to
 * body"). The spawning loop calls, per batch: {@link #beginBatch}, then {@link #beforeSpawn} and
 * {@link #afterSpawn} around each spawn, {@link #created} after the last, and {@link #endBatch} once
 * every task is joined; each task's body calls {@link #body}.
 *
 * <p>A task's body proves where it ran: on the model's own executor ({@code onExecutor}, asked in the
 * body, of the spawning loop's thread), and not inside the spawn call that created it (a continuation or a coroutine run inline by
 * its spawn is not spawned). A batch counts the tasks that did both; the cell fails unless every task
 * did, and unless the n-th task returned n.
 *
 * <p>Counted, a fixed number of batches runs. Timed, the batches are grouped into the profile's
 * windows: a window closes at the first batch boundary after its length, so a window holds whole
 * batches (at least one); warm-up windows are thrown away, each measured window gives one sample of
 * every figure.
 */
final class Batches {
    private final int size;
    private final Predicate<Thread> onExecutor;
    private final long[] spawnedAt;
    private final long[] bodyAt;
    private final long[] result;
    private final Thread[] ranOn;
    private final boolean[] inline;
    private final boolean[] onModelExecutor;
    private final Set<Thread> threads;

    /** The thread of the spawning loop, and the task whose spawn call it is inside, or -1. */
    private Thread spawner;
    private int spawning = -1;

    private long batchStart;
    private long creationEnd;

    // totals of the whole loop
    private long tasks;
    private long sum;
    private long spawned;

    // counted: batches left; timed: windows
    private long batchesLeft;
    private final Measurement measurement;
    private int window;
    private long windowStart;
    private long windowTasks;
    private long windowCreation;
    private long windowBatch;
    private long windowToBody;
    private long windowFirstAllocated;
    private final List<Double> creationSamples = new ArrayList<>();
    private final List<Double> batchSamples = new ArrayList<>();
    private final List<Double> toBodySamples = new ArrayList<>();
    private long measuredTasks;
    private long measuredAllocated;

    private Batches(int size, Predicate<Thread> onExecutor, long batches, Measurement measurement) {
        this.size = size;
        this.onExecutor = onExecutor;
        this.spawnedAt = new long[size];
        this.bodyAt = new long[size];
        this.result = new long[size];
        this.ranOn = new Thread[size];
        this.inline = new boolean[size];
        this.onModelExecutor = new boolean[size];
        this.batchesLeft = batches;
        this.measurement = measurement;
        this.threads = measurement == null ? Collections.newSetFromMap(new IdentityHashMap<>()) : null;
    }

    /** A fixed number of batches, counting the distinct threads the tasks ran on. */
    static Batches counted(int size, long batches, Predicate<Thread> onExecutor) {
        return new Batches(size, onExecutor, batches, null);
    }

    /** Batches until the windows of {@code measurement} are over. */
    static Batches timed(int size, Measurement measurement, Predicate<Thread> onExecutor) {
        return new Batches(size, onExecutor, 0, measurement);
    }

    int size() {
        return size;
    }

    /** Whether another batch is to run. */
    boolean more() {
        return measurement == null ? batchesLeft > 0 : window < measurement.warmupIterations() + measurement.iterations();
    }

    void beginBatch() {
        if (spawner == null) {
            spawner = Thread.currentThread();
            windowStart = System.nanoTime();
            windowFirstAllocated = Allocated.bytes();
        }
        java.util.Arrays.fill(bodyAt, 0);
        java.util.Arrays.fill(ranOn, null);
        batchStart = System.nanoTime();
    }

    void beforeSpawn(int task) {
        spawning = task;
        spawnedAt[task] = System.nanoTime();
    }

    void afterSpawn() {
        spawning = -1;
    }

    void created() {
        creationEnd = System.nanoTime();
    }

    /** The body of task {@code task} of the batch: where and when it ran, and its number. */
    void body(int task) {
        bodyAt[task] = System.nanoTime();
        Thread thread = Thread.currentThread();
        ranOn[task] = thread;
        inline[task] = thread == spawner && spawning == task;
        onModelExecutor[task] = onExecutor.test(spawner);
        result[task] = tasks + task + 1;
    }

    /** Called once every task of the batch is joined: adds the batch to the totals and to its window. */
    void endBatch() {
        long end = System.nanoTime();
        long toBody = 0;
        for (int i = 0; i < size; i++) {
            if (ranOn[i] == null) {
                continue; // never ran: its number is missing from the sum
            }
            sum += result[i];
            toBody += bodyAt[i] - spawnedAt[i];
            if (!inline[i] && onModelExecutor[i]) {
                spawned++;
            }
            if (threads != null) {
                threads.add(ranOn[i]);
            }
        }
        tasks += size;
        if (measurement == null) {
            batchesLeft--;
            return;
        }
        windowTasks += size;
        windowCreation += creationEnd - batchStart;
        windowBatch += end - batchStart;
        windowToBody += toBody;
        if (end - windowStart >= measurement.iteration().toNanos()) {
            closeWindow(end);
        }
    }

    private void closeWindow(long end) {
        long allocated = Allocated.bytes();
        if (window >= measurement.warmupIterations()) {
            creationSamples.add((double) windowCreation / windowTasks);
            batchSamples.add((double) windowBatch / windowTasks);
            toBodySamples.add((double) windowToBody / windowTasks);
            measuredTasks += windowTasks;
            measuredAllocated += allocated - windowFirstAllocated;
        }
        window++;
        windowStart = end;
        windowFirstAllocated = allocated;
        windowTasks = windowCreation = windowBatch = windowToBody = 0;
    }

    /** Fails unless every task ran, spawned on the model's executor, and the n-th returned n. */
    void verify(String tasksName, String spawnedName, String sumName) throws WorkMismatchException {
        WorkMismatchException.requireEqual(tasksName, tasks, spawnedName, spawned);
        WorkMismatchException.requireEqual("1+..+" + tasksName, tasks * (tasks + 1) / 2, sumName, sum);
    }

    long tasks() {
        return tasks;
    }

    long spawned() {
        return spawned;
    }

    long sum() {
        return sum;
    }

    /** Distinct threads the tasks ran on, counted runs only. */
    int threads() {
        return threads.size();
    }

    Metric creationNanos() {
        return Windows.of(creationSamples, "ns");
    }

    Metric batchNanos() {
        return Windows.of(batchSamples, "ns");
    }

    Metric toBodyNanos() {
        return Windows.of(toBodySamples, "ns");
    }

    /** Heap bytes allocated by all threads per task over the measured windows. */
    double allocatedPerTask() {
        return (double) measuredAllocated / measuredTasks;
    }

    private static final class Allocated {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();

        static long bytes() {
            return THREADS.getTotalThreadAllocatedBytes();
        }
    }
}
