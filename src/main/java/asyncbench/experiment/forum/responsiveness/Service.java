package asyncbench.experiment.forum.responsiveness;

import java.util.concurrent.CompletableFuture;

/**
 * One model's side of the experiment: it keeps {@code jobs} long jobs running, each followed by a new
 * one until stopped, and answers tiny requests, each its own task, on the same runtime or on a thread
 * of their own.
 */
public interface Service extends AutoCloseable {
    /** Answers request {@code n}: a tiny task that returns {@code n}. */
    CompletableFuture<Long> request(long n);

    /** Jobs finished so far. */
    long jobsFinished();

    /** Slices the finished jobs ran. */
    long slicesRun();

    /** Yields the finished jobs made between their slices. */
    long yieldsMade();

    /** What a finished job did wrong (too few slices, no yield between two, work left out), if any did. */
    java.util.Optional<String> wrongJob();

    /** Stops starting jobs and waits for the running ones to end. */
    @Override
    void close() throws Exception;

    /** The tiny request's work: a few arithmetic operations on its number. */
    static long answer(long n) {
        return n;
    }
}
