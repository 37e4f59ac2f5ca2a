package asyncbench.experiment.forum.responsiveness;

import asyncbench.experiment.Spin;

/**
 * One long CPU-bound job: a fixed amount of arithmetic, {@code jobNanos} of it as measured on this
 * machine before any job ran ({@link Spin}), done in slices of {@code sliceNanos} (the whole job when
 * the slice is 0: a job that never yields), the caller yielding between slices its model's way. The
 * work is fixed, not the time: a job that the kernel preempts takes longer, it does not do less.
 */
final class Job {
    private final long rounds;
    private final long sliceRounds;
    private long remaining;
    private long sink = 1;
    private long slices;
    private long yields;

    Job(long jobNanos, long sliceNanos) {
        this.rounds = Math.max(1, Spin.roundsFor(jobNanos));
        this.remaining = rounds;
        this.sliceRounds = sliceNanos == 0 ? remaining : Spin.roundsFor(sliceNanos);
    }

    /** Runs one slice; returns true when the job has done all its work. */
    boolean runSlice() {
        long n = Math.min(sliceRounds, remaining);
        sink = Spin.rounds(sink, n);
        remaining -= n;
        slices++;
        return remaining == 0;
    }

    /** The job's caller yielded between two slices, its model's way. */
    void yielded() {
        yields++;
    }

    /** What the job computed, so that it cannot be left out. */
    long sink() {
        return sink;
    }

    long slices() {
        return slices;
    }

    long yields() {
        return yields;
    }

    /** The rounds of the whole job, in slices of the length asked: what a finished job must have run. */
    long expectedSlices() {
        return (rounds + sliceRounds - 1) / sliceRounds;
    }

    /** What a job that did all its rounds computed: the same rounds in one go. */
    long expectedSink() {
        return Spin.rounds(1, rounds);
    }
}
