package asyncbench.experiment.signal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A pipe whose reader waits on a {@link CompletableFuture} that the writer completes, through
 * {@code completer}: inline, or as a pool task.
 */
final class FuturePipe extends Pipe<CompletableFuture<Void>> {
    private final Executor completer;
    private CompletableFuture<Void> waiter;
    private long wakeupsSent;

    FuturePipe(Executor completer) {
        this.completer = completer;
    }

    /** Registers {@code future} to be completed by the next add or close, unless the reader may go on now. */
    synchronized boolean subscribe(CompletableFuture<Void> future) {
        if (readyLocked()) {
            return false;
        }
        waiter = future;
        return true;
    }

    /** Futures handed to the completer. */
    synchronized long wakeupsSent() {
        return wakeupsSent;
    }

    synchronized boolean hasWaiter() {
        return waiter != null;
    }

    @Override
    CompletableFuture<Void> detachWaiterLocked() {
        CompletableFuture<Void> w = waiter;
        if (w != null) {
            waiter = null;
            wakeupsSent++;
        }
        return w;
    }

    @Override
    void wake(CompletableFuture<Void> w) {
        if (w != null) {
            completer.execute(() -> w.complete(null));
        }
    }
}
