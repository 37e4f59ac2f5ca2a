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
    /** CompletableFuture continuations run by the thread that completes the future. */
    FUTURE("future", Style.CALLBACK, "CompletableFuture; the completer runs the continuation inline"),
    /** CompletableFuture completed from a pool task, so continuations run on the pool. */
    FUTURE_POOL("futurePool", Style.CALLBACK, "CompletableFuture completed by a pool task; continuations run on the pool"),
    /** A hand-written poll loop over state machines on one thread. */
    EVENT_LOOP("eventLoop", Style.EVENT_LOOP, "a hand-written single-thread poll loop");

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

    /** Threads for blocking-style code; empty for the other styles. */
    public Optional<ThreadFactory> threads() {
        return switch (this) {
            case PLATFORM -> Optional.of(Thread.ofPlatform().name("platform-", 0).factory());
            case VIRTUAL -> Optional.of(Thread.ofVirtual().name("virtual-", 0).factory());
            case FUTURE, FUTURE_POOL, EVENT_LOOP -> Optional.empty();
        };
    }

    /** How a completer hands a completion over: inline, or as a task on {@code pool}. */
    public Executor completer(Executor pool) {
        return switch (this) {
            case FUTURE -> Runnable::run;
            case FUTURE_POOL -> pool;
            case PLATFORM, VIRTUAL, EVENT_LOOP ->
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
