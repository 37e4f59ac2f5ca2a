package asyncbench.experiment.grid;

/**
 * A reader's pipe: a count of segments under a lock, filled by one writer and drained by one reader.
 * How the writer wakes a waiting reader is the one thing subclasses decide. The wake happens inside
 * the lock, as in the original: an event's {@code Set()}, a completion handed to a pool, a
 * continuation resumed inline (which then runs the reader while the writer holds the lock).
 *
 * @param <W> what the writer wakes: an event, or a future the reader waits on
 */
public abstract class Pipe<W> {
    private long segments;
    private long added;
    private boolean closed;

    /** Takes one segment if there is one. */
    final synchronized Take take() {
        if (closed) {
            return Take.CLOSED;
        }
        if (segments > 0) {
            segments--;
            return Take.SEGMENT;
        }
        return Take.EMPTY;
    }

    /**
     * Adds a segment; when the pipe goes from empty to one segment, wakes the reader, inside the lock,
     * as the original's writer does ({@code if (segments == 1) are.Set();} under its lock).
     */
    final synchronized void add() {
        segments++;
        added++;
        if (segments == 1) {
            wake(detachWaiterLocked());
        }
    }

    /** The reader stops at its next take; segments still in the pipe stay there, counted by {@link #remaining}. */
    final synchronized void close() {
        closed = true;
        wake(detachWaiterLocked());
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

    /** Called under the pipe's lock with what {@link #detachWaiterLocked} returned. */
    abstract void wake(W waiter);
}
