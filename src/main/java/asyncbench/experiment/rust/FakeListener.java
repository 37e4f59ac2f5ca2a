package asyncbench.experiment.rust;

/**
 * A fake listening socket: every odd call to {@link #accept} would block, every even call returns
 * the next connection. Its streams are made once and handed out again on every run, so that the fake
 * I/O itself allocates nothing.
 */
final class FakeListener extends Evented {
    static final int KEY = 0;
    private final Stats stats;
    private final FakeStream[] streams;
    private int calls;
    private int accepted;

    FakeListener(Stats stats, int connections) {
        super(KEY);
        this.stats = stats;
        this.streams = new FakeStream[connections];
        for (int i = 0; i < connections; i++) {
            streams[i] = new FakeStream(i + 1, stats);
        }
    }

    void reset() {
        calls = 0;
        accepted = 0;
        for (FakeStream s : streams) {
            s.reset();
        }
    }

    /** The next connection, or null when the call would block. */
    FakeStream accept() {
        stats.call();
        stats.accept++;
        if (++calls % 2 == 1) {
            return null;
        }
        return streams[accepted++];
    }
}
