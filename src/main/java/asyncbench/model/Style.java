package asyncbench.model;

/**
 * How a workload is written, and so what it needs from a model's runtime: each style is one kind of
 * {@link ModelRuntime}. An experiment implements some styles and runs under every model of those.
 */
public enum Style {
    /** Plain blocking code on a thread of some kind: {@link ModelRuntime.Threads}. */
    THREADS,
    /** Plain blocking code run as bare continuations by a one-thread scheduler: {@link ModelRuntime.Continuations}. */
    CONTINUATIONS,
    /** Continuations attached to a {@link java.util.concurrent.CompletableFuture}: {@link ModelRuntime.Callback}. */
    CALLBACK,
    /** A hand-written loop polling hand-written state machines on one thread: {@link ModelRuntime.EventLoop}. */
    EVENT_LOOP,
    /** Hand-written task state machines with wakers on a minimal executor: {@link ModelRuntime.TaskExecutor}. */
    TASKS,
    /** Kotlin {@code suspend} functions, state machines made by the compiler: {@link ModelRuntime.Coroutines}. */
    COROUTINES,
    /**
     * A program outside the JVM, one of the Rust originals, run as it was written: no runtime here;
     * the experiment names the program and its options ({@code Experiment#original}).
     */
    EXTERNAL
}
