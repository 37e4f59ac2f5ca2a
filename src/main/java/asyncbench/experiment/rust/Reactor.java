package asyncbench.experiment.rust;

/**
 * The loop every single-thread server shares, as the original's executors do: run whatever is ready
 * until it would block; stop once nothing is live; otherwise poll and hand each ready key to whatever
 * waits on it. What "ready", "live" and "waits" mean is the server's.
 */
final class Reactor {
    /** One server's side of the loop. */
    interface Driver {
        /** Runs everything ready until each would block or ends. */
        void runReady();

        /** Whether the listener and every connection are done. */
        boolean finished();

        /** A poll reported {@code key} ready. */
        void ready(int key);
    }

    private final Poll poll;
    private final Poll.Events events;

    Reactor(FakeIo io) {
        this.poll = io.poll;
        this.events = new Poll.Events(io.connections + 1);
    }

    void run(Driver driver) {
        while (true) {
            driver.runReady();
            if (driver.finished()) {
                return;
            }
            poll.poll(events);
            for (int i = 0; i < events.size; i++) {
                driver.ready(events.keys[i]);
            }
        }
    }
}
