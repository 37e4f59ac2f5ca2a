package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.LimitReachedException;
import asyncbench.model.ModelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One thread per task, blocked on a latch at its leaf: a virtual thread unmounts, its frames frozen into the heap; a platform thread keeps them on its own stack. */
final class ThreadStacks implements Stacks {
    private static final long TIMEOUT_SECONDS = 120;

    private final ModelRuntime.Threads runtime;
    private final int tasks;
    private final int depth;
    private final boolean lean;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ThreadStacks(ModelRuntime.Threads runtime, int tasks, int depth, boolean lean) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.depth = depth;
        this.lean = lean;
    }

    @Override
    public void suspendAll() throws Exception {
        if (runtime.osThreads()) {
            LimitReachedException.requireThreads(tasks);
        }
        for (int i = 0; i < tasks; i++) {
            Thread t = runtime.factory().newThread(() -> {
                try {
                    checked.addAndGet(Stacks.frames(depth, lean, gate::await));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            try {
                t.start();
            } catch (OutOfMemoryError e) {
                gate.countDown();
                throw new LimitReachedException(threads.size(), "native threads",
                        "the JVM could not start thread " + (threads.size() + 1) + " of " + tasks + ": " + e.getMessage());
            }
            threads.add(t);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                if (failure.get() != null || System.nanoTime() > deadline) {
                    gate.countDown();
                    throw new IllegalStateException("a task did not reach its leaf", failure.get());
                }
                Thread.sleep(1);
            }
        }
    }

    @Override
    public long resumeAll() throws Exception {
        gate.countDown();
        for (Thread t : threads) {
            if (!t.join(java.time.Duration.ofSeconds(TIMEOUT_SECONDS))) {
                throw new IllegalStateException("a task did not finish after the gate opened");
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a task failed", failure.get());
        }
        return checked.get();
    }
}
