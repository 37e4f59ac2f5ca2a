package asyncbench.model;

import asyncbench.coroutine.KotlinxRuntime;
import asyncbench.coroutine.MinimalRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The concurrency models the lab compares, as one closed set. A model is a {@link Style} of workload
 * and the runtime it runs on: {@link #open()} is the one place that says which.
 */
public enum Model {
    /** One platform (OS) thread per waiting call, blocking. */
    PLATFORM("platform", Style.THREADS, List.of(), "one platform thread per waiter, blocking"),
    /** One virtual thread per waiting call: the runtime captures the stack when it parks. */
    VIRTUAL("virtual", Style.THREADS, List.of(),
            "one virtual thread per waiter, blocking; the runtime unmounts it on park"),
    /** Virtual threads on a scheduler with a single carrier thread. */
    VIRTUAL_ONE_CARRIER("virtual1", Style.THREADS, List.of("-Djdk.virtualThreadScheduler.parallelism=1"),
            "virtual threads, blocking, on a scheduler with one carrier (-Djdk.virtualThreadScheduler.parallelism=1)"),
    /** Blocking-style code run as bare jdk.internal.vm.Continuations by a single-thread scheduler. */
    CONTINUATION("continuation", Style.CONTINUATIONS, List.of(),
            "blocking-style code as jdk.internal.vm.Continuations that yield on would-block, one thread"),
    /** CompletableFuture continuations run by the thread that completes the future. */
    FUTURE("future", Style.CALLBACK, List.of(), "CompletableFuture; the completer runs the continuation inline"),
    /** CompletableFuture completed from a pool task, so continuations run on the pool. */
    FUTURE_POOL("futurePool", Style.CALLBACK, List.of(),
            "CompletableFuture completed by a task of a ForkJoinPool (one thread per core); continuations run on the pool"),
    /** A hand-written poll loop over state machines on one thread. */
    EVENT_LOOP("eventLoop", Style.EVENT_LOOP, List.of(), "a hand-written single-thread poll loop (the 'manual' server)"),
    /** Hand-written task state machines with wakers, run by a minimal single-thread executor. */
    TASKS("tasks", Style.TASKS, List.of(),
            "hand-written task state machines with wakers on a minimal allocation-free executor (not async/await)"),
    /** Kotlin suspend functions on kotlinx.coroutines, as people use it. */
    COROUTINE("coroutine", Style.COROUTINES, List.of(),
            "Kotlin suspend functions on kotlinx.coroutines: Dispatchers.Default, or runBlocking's event loop on one thread"),
    /** The same suspend functions on a minimal executor over kotlin.coroutines intrinsics, no framework. */
    SUSPEND("suspend", Style.COROUTINES, List.of(),
            "the same Kotlin suspend functions on a minimal executor over kotlin.coroutines intrinsics; "
                    + "a resumption runs inline, or from the executor's queue on one thread"),
    /** jimblandy/context-switch's thread-brigade: one OS thread per task, blocking on UnixStream pairs (under taskset at cpus=one). */
    RUST_THREADS("rust-threads", Style.EXTERNAL, List.of(),
            "Rust: context-switch's thread-brigade, one OS thread per task on UnixStream pairs (under taskset -c 0 at cpus=one)"),
    /** context-switch's async-brigade on tokio, and async-mem-brigade over tokio's channels. */
    RUST_TOKIO("rust-tokio", Style.EXTERNAL, List.of(),
            "Rust: context-switch's async-brigade on tokio over UnixStream pairs; async-mem-brigade over tokio mpsc channels for transport=memory"),
    /** context-switch's one-thread-brigade: one thread making every read and write itself. */
    RUST_ONE_THREAD("rust-one-thread", Style.EXTERNAL, List.of(),
            "Rust: context-switch's one-thread-brigade, one thread making every hop itself (the event loop's loop=direct)"),
    /** context-switch's thread-creation: std::thread::spawn in batches. */
    RUST_THREAD_CREATION("rust-thread-creation", Style.EXTERNAL, List.of(),
            "Rust: context-switch's thread-creation, std::thread::spawn a batch, then join"),
    /** context-switch's async-creation: async-std tasks in batches. */
    RUST_ASYNC_CREATION("rust-async-creation", Style.EXTERNAL, List.of(),
            "Rust: context-switch's async-creation, async_std::task::spawn a batch, then join"),
    /** rust-async-bench's manual poll loop, its criterion benchmark. */
    RUST_MANUAL("rust-manual", Style.EXTERNAL, List.of(),
            "Rust: rust-async-bench's manual poll loop (criterion benchmark manual, or manual+syscalls)"),
    /** rust-async-bench's async/await server on its own executor, no boxing. */
    RUST_ASYNC("rust-async", Style.EXTERNAL, List.of(),
            "Rust: rust-async-bench's async/await server on its own executor, futures not boxed (nonbox, or nonbox+syscalls)");

    private final String id;
    private final Style style;
    private final List<String> jvmFlags;
    private final String description;

    Model(String id, Style style, List<String> jvmFlags, String description) {
        this.id = id;
        this.style = style;
        this.jvmFlags = jvmFlags;
        this.description = description;
    }

    /** Opens what this model runs a workload on, for one cell; close it when the cell ends. */
    public ModelRuntime open() {
        return switch (this) {
            case PLATFORM -> new ModelRuntime.Threads(Thread.ofPlatform().name("platform-", 0).factory(), true);
            case VIRTUAL, VIRTUAL_ONE_CARRIER -> new ModelRuntime.Threads(Thread.ofVirtual().name("virtual-", 0).factory(), false);
            case CONTINUATION -> new ModelRuntime.Continuations();
            case FUTURE -> ModelRuntime.Callback.inline();
            case FUTURE_POOL -> ModelRuntime.Callback.pooled(new ForkJoinPool(Runtime.getRuntime().availableProcessors()));
            case EVENT_LOOP -> new ModelRuntime.EventLoop();
            case TASKS -> new ModelRuntime.TaskExecutor();
            case COROUTINE -> new ModelRuntime.Coroutines(new KotlinxRuntime());
            case SUSPEND -> new ModelRuntime.Coroutines(new MinimalRuntime());
            case RUST_THREADS, RUST_TOKIO, RUST_ONE_THREAD, RUST_THREAD_CREATION, RUST_ASYNC_CREATION, RUST_MANUAL, RUST_ASYNC ->
                    throw new IllegalStateException(id + " is a program outside the JVM: it has no runtime here");
        };
    }

    /**
     * Whether each task of this model is an OS thread of its own: the model whose task counts meet the
     * kernel's thread limits, and whose blocking costs a context switch of the OS.
     */
    public boolean osThreadPerTask() {
        return switch (this) {
            case PLATFORM, RUST_THREADS, RUST_THREAD_CREATION -> true;
            case VIRTUAL, VIRTUAL_ONE_CARRIER, CONTINUATION, FUTURE, FUTURE_POOL, EVENT_LOOP, TASKS, COROUTINE, SUSPEND,
                    RUST_TOKIO, RUST_ONE_THREAD, RUST_ASYNC_CREATION, RUST_MANUAL, RUST_ASYNC -> false;
        };
    }

    /** Whether this model is a program outside the JVM, one of the originals. */
    public boolean external() {
        return style == Style.EXTERNAL;
    }

    /** The name used everywhere: CLI, JSON, CSV, charts. */
    public String id() {
        return id;
    }

    public Style style() {
        return style;
    }

    public String description() {
        return description;
    }

    /** JVM options a cell of this model needs. */
    public List<String> jvmFlags() {
        return jvmFlags;
    }

    /** The models written in one of {@code styles}, ordered by style as given, then as declared. */
    public static List<Model> of(List<Style> styles) {
        return styles.stream().flatMap(s -> Arrays.stream(values()).filter(m -> m.style == s)).toList();
    }

    /** The models of {@link #of(List)} that are also in {@code only}, in that order. */
    public static List<Model> of(List<Style> styles, java.util.Set<Model> only) {
        return of(styles).stream().filter(only::contains).toList();
    }

    public static Optional<Model> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Model::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
