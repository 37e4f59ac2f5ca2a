package asyncbench.experiment.grid;

/** One reader of the signal experiments, whatever style it is written in, as its counters see it. */
interface Reader {
    Pipe<?> pipe();

    /** Whether it waits for a signal right now. */
    boolean waiting();

    /** Signals that released it while it waited; exact once it stopped. */
    long wakeupsSent();

    /** Waits of its that a signal ended; exact once it stopped. */
    long wakeupsReceived();

    /** Of those, the ones after which it went on off the writer's thread (on its own, or on a pool's). */
    long resumedOffWriter();
}
