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
}
