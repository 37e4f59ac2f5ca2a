package asyncbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** p99.9 is reported only from windows that hold enough values for it to be other than their maximum. */
class LatencyWindowsTest {
    private static Histogram window(int values) {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= values; i++) {
            h.recordValue(i);
        }
        return h;
    }

    @Test
    void aSmallWindowHasNoP999ButItsMaximum() {
        LatencyWindows small = new LatencyWindows();
        small.add(window(200));
        Map<String, asyncbench.result.Metric> m = small.metrics("us");
        assertFalse(m.containsKey(LatencyWindows.P999), "200 values: p99.9 would be the maximum again");
        assertEquals(200, m.get(LatencyWindows.MAX).value(), 1);
        LatencyWindows large = new LatencyWindows();
        large.add(window(5000));
        Map<String, asyncbench.result.Metric> l = large.metrics("us");
        assertTrue(l.get(LatencyWindows.P999).value() < l.get(LatencyWindows.MAX).value());
    }
}
