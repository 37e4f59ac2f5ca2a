package asyncbench.experiment.loop;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the top frame's loop did. The loop runs until {@link #stop()} or until it has made
 * {@code limit} iterations; its iteration count is published for a measuring thread to read while it
 * runs. The other counters are written by the loop alone (one logical thread, which may move between
 * carriers or pool threads) and read after it has ended.
 */
public final class Tally {
    private final long limit;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean stopped;
    private long iterations;
    public long returned;
    public long caught;
    public long suspensions;
    public long sink;
    /** Failures a frame observed on their way up and threw again. */
    public long rethrown;
    /** Contexts a frame saved on entry, to restore on its way out. */
    public long saves;
    /** Contexts a callee changed, which the frame that saved them had to restore. */
    public long changes;
    /** Calls whose callee ran where the crossing puts it: on another world's thread, or through an adapter on the caller's. */
    public long crossings;

    private Tally(long limit) {
        this.limit = limit;
    }

    /** A loop that runs until stopped. */
    public static Tally timed() {
        return new Tally(Long.MAX_VALUE);
    }

    /** A loop of exactly {@code iterations} iterations. */
    public static Tally counted(long iterations) {
        return new Tally(iterations);
    }

    /** Whether the loop makes another iteration. */
    public boolean more() {
        return !stopped && iterations < limit;
    }

    /** Ends one iteration. */
    public void next() {
        iterations++;
        published.setOpaque(iterations);
    }

    /** Iterations so far; readable from any thread while the loop runs. */
    public long iterationsNow() {
        return published.getOpaque();
    }

    /** Iterations made; read after the loop has ended. */
    public long iterations() {
        return iterations;
    }

    public void stop() {
        stopped = true;
    }
}
