package asyncbench.model;

/** How a workload is written: once per style, then run under every model of that style. */
public enum Style {
    /** Plain blocking code on a thread: it waits by parking the thread that runs it. */
    BLOCKING,
    /** Continuations attached to a {@link java.util.concurrent.CompletableFuture}, run by whoever completes it. */
    CALLBACK,
    /** A hand-written loop that polls state machines on one thread. */
    EVENT_LOOP
}
