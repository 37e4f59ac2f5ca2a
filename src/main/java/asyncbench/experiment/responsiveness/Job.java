package asyncbench.experiment.responsiveness;

/**
 * One long CPU-bound job: a fixed amount of arithmetic, {@code jobNanos} of it as measured on this
 * machine before any job ran, done in slices of {@code sliceNanos} (the whole job when the slice is
 * 0: a job that never yields), the caller yielding between slices its model's way. The work is fixed,
 * not the time: a job that the kernel preempts takes longer, it does not do less.
 */
final class Job {
    /** xorshift steps in one round. */
    private static final int STEPS = 256;
    private static final long CALIBRATION_NANOS = 50_000_000;
    private static long roundsPerMilli;

    private final long sliceRounds;
    private long remaining;
    private long sink = 1;

    Job(long jobNanos, long sliceNanos) {
        long perMilli = roundsPerMilli();
        this.remaining = Math.max(1, jobNanos * perMilli / 1_000_000);
        this.sliceRounds = sliceNanos == 0 ? remaining : Math.max(1, sliceNanos * perMilli / 1_000_000);
    }

    /** Rounds this machine makes in a millisecond on one thread, measured once, before any job starts. */
    static synchronized long roundsPerMilli() {
        if (roundsPerMilli == 0) {
            long rounds = 0;
            long x = 1;
            long start = System.nanoTime();
            while (System.nanoTime() - start < CALIBRATION_NANOS) {
                x = rounds(x, 64);
                rounds += 64;
            }
            roundsPerMilli = Math.max(1, rounds * 1_000_000 / (System.nanoTime() - start) + (x == 0 ? 1 : 0));
        }
        return roundsPerMilli;
    }

    private static long rounds(long x, long n) {
        for (long r = 0; r < n; r++) {
            for (int i = 0; i < STEPS; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }

    /** Runs one slice; returns true when the job has done all its work. */
    boolean runSlice() {
        long n = Math.min(sliceRounds, remaining);
        sink = rounds(sink, n);
        remaining -= n;
        return remaining == 0;
    }

    /** What the job computed, so that it cannot be left out. */
    long sink() {
        return sink;
    }
}
