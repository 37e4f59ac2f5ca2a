package asyncbench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * The concurrency models the lab compares, as one closed set.
 *
 * <p>A workload is written once per {@link Style}; the model supplies what that style runs on:
 * a {@link ThreadFactory} for blocking code, a completion policy for callback code.
 */
public enum Model {
    /** One platform (OS) thread per waiting call, blocking. */
    PLATFORM("platform", Style.BLOCKING, "one platform thread per waiter, blocking"),
    /** One virtual thread per waiting call: the runtime captures the stack when it parks. */
    VIRTUAL("virtual", Style.BLOCKING, "one virtual thread per waiter, blocking; the runtime unmounts it on park"),
    /** Virtual threads on a scheduler with a single carrier thread. */
    VIRTUAL_ONE_CARRIER("virtual1", Style.BLOCKING,
            "virtual threads, blocking, on a scheduler with one carrier (-Djdk.virtualThreadScheduler.parallelism=1)"),
    /** Blocking-style code run as bare jdk.internal.vm.Continuations by a single-thread scheduler. */
    CONTINUATION("continuation", Style.BLOCKING,
            "blocking-style code as jdk.internal.vm.Continuations that yield on would-block, one thread"),
    /** CompletableFuture continuations run by the thread that completes the future. */
    FUTURE("future", Style.CALLBACK, "CompletableFuture; the completer runs the continuation inline"),
    /** CompletableFuture completed from a pool task, so continuations run on the pool. */
    FUTURE_POOL("futurePool", Style.CALLBACK, "CompletableFuture completed by a pool task; continuations run on the pool"),
    /** A hand-written poll loop over state machines on one thread. */
    EVENT_LOOP("eventLoop", Style.EVENT_LOOP, "a hand-written single-thread poll loop (the 'manual' server)"),
    /** Hand-written task state machines with wakers, run by a minimal single-thread executor. */
    TASKS("tasks", Style.EVENT_LOOP, "hand-written task state machines with wakers on a minimal allocation-free executor");

    private final String id;
    private final Style style;
    private final String description;

    Model(String id, Style style, String description) {
        this.id = id;
        this.style = style;
        this.description = description;
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

    /** Threads for blocking-style code; empty where the model is not a kind of thread. */
    public Optional<ThreadFactory> threads() {
        return switch (this) {
            case PLATFORM -> Optional.of(Thread.ofPlatform().name("platform-", 0).factory());
            case VIRTUAL, VIRTUAL_ONE_CARRIER -> Optional.of(Thread.ofVirtual().name("virtual-", 0).factory());
            case CONTINUATION, FUTURE, FUTURE_POOL, EVENT_LOOP, TASKS -> Optional.empty();
        };
    }

    /** JVM options a cell of this model needs. */
    public List<String> jvmFlags() {
        return switch (this) {
            case VIRTUAL_ONE_CARRIER -> List.of("-Djdk.virtualThreadScheduler.parallelism=1");
            case PLATFORM, VIRTUAL, CONTINUATION, FUTURE, FUTURE_POOL, EVENT_LOOP, TASKS -> List.of();
        };
    }

    /** How a completer hands a completion over: inline, or as a task on {@code pool}. */
    public Executor completer(Executor pool) {
        return switch (this) {
            case FUTURE -> Runnable::run;
            case FUTURE_POOL -> pool;
            case PLATFORM, VIRTUAL, VIRTUAL_ONE_CARRIER, CONTINUATION, EVENT_LOOP, TASKS ->
                    throw new IllegalStateException(id + " is not a callback model");
        };
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
