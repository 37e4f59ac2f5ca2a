package asyncbench.experiment.rust;

/**
 * The fake world one server runs in: counted calls, a poller and a listener with {@code connections}
 * connections to accept. Built once; {@link #reset} before each run.
 */
final class FakeIo implements AutoCloseable {
    final int connections;
    final Stats stats;
    final Poll poll;
    final FakeListener listener;
    /** A request buffer per connection key, made once: handlers borrow their stream's, so no style allocates one. */
    private final byte[][] buffers;

    FakeIo(int connections, long syscallsPerCall) {
        this.connections = connections;
        this.stats = new Stats(syscallsPerCall);
        this.poll = new Poll(stats, connections + 1);
        this.listener = new FakeListener(stats, connections);
        this.buffers = new byte[connections + 1][BUFFER_BYTES];
    }

    static final int BUFFER_BYTES = 128;

    /** The buffer of the connection with {@code key}. */
    byte[] buffer(int key) {
        return buffers[key];
    }

    void reset() {
        stats.reset();
        listener.reset();
        if (!poll.isEmpty()) {
            throw new IllegalStateException("objects are still registered from the last run");
        }
    }

    @Override
    public void close() {
        stats.close();
    }
}
