package asyncbench.experiment.grid;

import java.util.function.Consumer;

/**
 * A pipe whose reader registers something to be woken (a future to complete, a continuation to
 * resume) when it finds the pipe empty; the writer hands it to {@code waker}
 * under the pipe's lock.
 *
 * @param <W> what the reader registers
 */
final class CallbackPipe<W> extends Pipe<W> {
    private final Consumer<W> waker;
    private W waiter;
    private long wakeupsSent;

    CallbackPipe(Consumer<W> waker) {
        this.waker = waker;
    }

    /** Registers {@code w} to be woken by the next add or close, unless the reader may go on now. */
    synchronized boolean subscribe(W w) {
        if (readyLocked()) {
            return false;
        }
        waiter = w;
        return true;
    }

    /** Waiters handed to the waker. */
    synchronized long wakeupsSent() {
        return wakeupsSent;
    }

    synchronized boolean hasWaiter() {
        return waiter != null;
    }

    @Override
    W detachWaiterLocked() {
        W w = waiter;
        if (w != null) {
            waiter = null;
            wakeupsSent++;
        }
        return w;
    }

    @Override
    void wake(W w) {
        if (w != null) {
            waker.accept(w);
        }
    }
}
