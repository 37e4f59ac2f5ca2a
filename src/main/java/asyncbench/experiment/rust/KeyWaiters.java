package asyncbench.experiment.rust;

/**
 * What waits on each poll key (a continuation, a thread, a future), at most one per key. Fixed size,
 * no allocation.
 *
 * @param <W> what waits
 */
final class KeyWaiters<W> {
    private final Object[] waiters;

    KeyWaiters(FakeIo io) {
        waiters = new Object[io.connections + 1];
    }

    void park(int key, W waiter) {
        waiters[key] = waiter;
    }

    /** The waiter on {@code key}, now removed, or null. */
    @SuppressWarnings("unchecked")
    W take(int key) {
        W w = (W) waiters[key];
        waiters[key] = null;
        return w;
    }
}
