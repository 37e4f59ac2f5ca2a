package asyncbench.experiment.forum.responsiveness;

import asyncbench.experiment.Spin;

/**
 * One long CPU-bound job: a fixed amount of arithmetic, {@code jobNanos} of it as measured on this
 * machine before any job ran ({@link Spin}), done in slices of {@code sliceNanos} (the whole job when
 * the slice is 0: a job that never yields), the caller yielding between slices its model's way. The
 * work is fixed, not the time: a job that the kernel preempts takes longer, it does not do less.
 */
final class Job {
    private final long sliceRounds;
    private long remaining;
    private long sink = 1;

    Job(long jobNanos, long sliceNanos) {
        this.remaining = Math.max(1, Spin.roundsFor(jobNanos));
        this.sliceRounds = sliceNanos == 0 ? remaining : Spin.roundsFor(sliceNanos);
    }

    /** Runs one slice; returns true when the job has done all its work. */
    boolean runSlice() {
        long n = Math.min(sliceRounds, remaining);
        sink = Spin.rounds(sink, n);
        remaining -= n;
        return remaining == 0;
    }

    /** What the job computed, so that it cannot be left out. */
    long sink() {
        return sink;
    }
}
