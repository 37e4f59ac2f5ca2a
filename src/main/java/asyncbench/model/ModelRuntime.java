package asyncbench.model;

import asyncbench.coroutine.CoroutineRuntime;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * What a model runs a workload on, opened by {@link Model#open()} for one cell and closed after it.
 * One permitted kind per {@link Style}; workloads match on the kind, never on the model. Whatever
 * threads, pools or dispatchers a runtime creates, it shuts down in {@link #close()}.
 */
public sealed interface ModelRuntime extends AutoCloseable {
    Style style();

    @Override
    void close();

    /**
     * Blocking code on threads from {@code factory}. {@code osThreads}: each thread is a kernel thread,
     * so the kernel's limits on threads apply to how many may start.
     */
    record Threads(ThreadFactory factory, boolean osThreads) implements ModelRuntime {
        @Override
        public Style style() {
            return Style.THREADS;
        }

        @Override
        public void close() {
            // a thread ends with its work; the workload joins its own
        }
    }

    /** Blocking code run as bare {@code jdk.internal.vm.Continuation}s; the workload drives them from one thread. */
    record Continuations() implements ModelRuntime {
        @Override
        public Style style() {
            return Style.CONTINUATIONS;
        }

        @Override
        public void close() {
            // a suspended continuation is only memory
        }
    }

    /**
     * CompletableFuture continuations; a completion is handed to {@code completer}, which runs it inline
     * or as a task of a pool that this runtime owns ({@code pool}, null when inline).
     */
    record Callback(Executor completer, ExecutorService pool) implements ModelRuntime {
        static Callback inline() {
            return new Callback(Runnable::run, null);
        }

        static Callback pooled(ExecutorService pool) {
            return new Callback(pool, pool);
        }

        /** Whether a completion runs on the completing thread, not on a pool. */
        public boolean runsInline() {
            return pool == null;
        }

        @Override
        public Style style() {
            return Style.CALLBACK;
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    /** A hand-written poll loop; the workload is the loop. */
    record EventLoop() implements ModelRuntime {
        @Override
        public Style style() {
            return Style.EVENT_LOOP;
        }

        @Override
        public void close() {
            // the loop runs on the caller's thread
        }
    }

    /** Hand-written task state machines with wakers; the workload brings its executor. */
    record TaskExecutor() implements ModelRuntime {
        @Override
        public Style style() {
            return Style.TASKS;
        }

        @Override
        public void close() {
            // the executor runs on the caller's thread
        }
    }

    /** Kotlin suspend functions, run by {@code runtime}: kotlinx.coroutines, or a minimal executor. */
    record Coroutines(CoroutineRuntime runtime) implements ModelRuntime {
        @Override
        public Style style() {
            return Style.COROUTINES;
        }

        @Override
        public void close() {
            runtime.close();
        }
    }
}
