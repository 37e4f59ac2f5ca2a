package asyncbench.experiment.signal;

/**
 * A reader's pipe: a count of segments under a lock, filled by one writer and drained by one reader.
 * How the writer wakes a waiting reader is the one thing subclasses decide.
 *
 * @param <W> what the writer wakes: an event, or a future the reader waits on
 */
public abstract class Pipe<W> {
    private long segments;
    private long added;
    private boolean closed;

    /** Takes one segment if there is one. */
    final synchronized Take take() {
        if (segments > 0) {
            segments--;
            return Take.SEGMENT;
        }
        return closed ? Take.CLOSED : Take.EMPTY;
    }

    /** Adds a segment and wakes the reader. */
    final void add() {
        W waiter;
        synchronized (this) {
            segments++;
            added++;
            waiter = detachWaiterLocked();
        }
        wake(waiter);
    }

    /** No more segments: the reader drains what is left, then stops. */
    final void close() {
        W waiter;
        synchronized (this) {
            closed = true;
            waiter = detachWaiterLocked();
        }
        wake(waiter);
    }

    /** Whether a reader could take a segment or stop now, so it must not wait. Caller holds the lock. */
    final boolean readyLocked() {
        return segments > 0 || closed;
    }

    final synchronized long added() {
        return added;
    }

    final synchronized long remaining() {
        return segments;
    }

    /** Called under the pipe's lock: what {@link #wake} must act on, or null for nothing. */
    abstract W detachWaiterLocked();

    /** Called outside the lock. */
    abstract void wake(W waiter);
}
