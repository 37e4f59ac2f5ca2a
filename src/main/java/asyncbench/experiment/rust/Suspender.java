package asyncbench.experiment.rust;

/**
 * What blocking-style handlers need from whatever runs them: to wait until an object is ready, and
 * to start another handler. Implemented by continuations and by virtual threads.
 */
interface Suspender {
    /** Returns once {@code e} has been reported ready by a poll. */
    void awaitReady(Evented e);

    /** Starts {@code handler} as its own task; it runs when the scheduler gets to it. */
    void spawn(Runnable handler);
}
