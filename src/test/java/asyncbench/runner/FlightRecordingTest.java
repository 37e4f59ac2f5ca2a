package asyncbench.runner;

import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.RuntimeEvents;
import org.junit.jupiter.api.Test;

class FlightRecordingTest {
    @Test
    void collectionsAndTheirPausesAreCounted() throws Exception {
        RuntimeEvents events;
        try (FlightRecording recording = FlightRecording.start()) {
            System.gc();
            System.gc();
            events = recording.stop();
        }
        assertTrue(events.gcs() >= 2, "two full collections: " + events);
        assertTrue(events.gcPauseTotalMillis() > 0 && events.gcPauseMaxMillis() <= events.gcPauseTotalMillis(), events.toString());
        assertTrue(events.safepoints() >= 2, "a collection stops the world at a safepoint: " + events);
    }

    /** A class initializer that sleeps: a virtual thread running it cannot unmount, so it parks pinned. */
    private static final class SlowToInitialise {
        static {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void aVirtualThreadParkedWhilePinnedIsCounted() throws Exception {
        RuntimeEvents events;
        try (FlightRecording recording = FlightRecording.start()) {
            Thread.ofVirtual().start(SlowToInitialise::touch).join();
            events = recording.stop();
        }
        assertTrue(events.pinnedParks() >= 1, "the sleep in the class initializer parked pinned: " + events);
        assertTrue(events.carrierParallelism() >= 1, events.toString());
    }
}
