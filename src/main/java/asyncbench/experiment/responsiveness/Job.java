package asyncbench.experiment.responsiveness;

/**
 * One long CPU-bound job: it spins for {@code jobNanos} in slices of {@code sliceNanos} (the whole job
 * when the slice is 0: a job that never yields), the caller yielding between slices its model's way.
 */
final class Job {
    private final long sliceNanos;
    private long remaining;
    private long sink;

    Job(long jobNanos, long sliceNanos) {
        this.remaining = jobNanos;
        this.sliceNanos = sliceNanos;
    }

    /** Runs one slice; returns true when the job has run its whole length. */
    boolean runSlice() {
        long slice = sliceNanos == 0 ? remaining : Math.min(sliceNanos, remaining);
        long start = System.nanoTime();
        long x = sink | 1;
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            now = System.nanoTime();
        } while (now - start < slice);
        sink = x;
        remaining -= now - start;
        return remaining <= 0;
    }

    /** What the spinning computed, so that it cannot be left out. */
    long sink() {
        return sink;
    }
}
