package asyncbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.Metric;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A window holds enough events to be more than a count of one or two. */
class WindowsTest {
    private static final long MS = 1_000_000;

    @Test
    void aWindowThatWouldFinishFewEventsIsLengthened() {
        assertEquals(100 * MS, Windows.stretched(100 * MS, 30, 100 * MS), "30 events a window: long enough");
        assertEquals(400 * MS, Windows.stretched(100 * MS, 5, 100 * MS), "5 events a window: four times as long");
        assertEquals(100 * MS * Windows.MAX_STRETCH, Windows.stretched(100 * MS, 0, 100 * MS), "none: as long as allowed");
        assertEquals(100 * MS * Windows.MAX_STRETCH, Windows.stretched(100 * MS, 1, 1000 * MS), "one in ten windows: as long as allowed");
    }

    @Test
    void theMeasuredWindowsAreTheLengthenedOnes() throws Exception {
        // an event every 25 ms: 4 a window of 100 ms, so each measured window lasts four or five times as long
        long start = System.nanoTime();
        AtomicLong events = new AtomicLong();
        Thread ticker = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (true) {
                    Thread.sleep(25);
                    events.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // done
            }
        });
        try {
            Metric rate = Windows.ratePerSecond(new Measurement(1, 2, Duration.ofMillis(100)), events::get, "events/s");
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= 100 * MS + 2 * 400 * MS, "two windows of 400 ms or more after the warm-up: " + elapsed / MS + " ms");
            assertEquals(2, rate.samples().size());
            assertTrue(rate.samples().stream().allMatch(r -> r > 0), rate.toString());
        } finally {
            ticker.interrupt();
        }
    }
}
