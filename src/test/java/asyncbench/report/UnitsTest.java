package asyncbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void ratiosReadAsFactors() {
        assertEquals("x3.1", Units.times(310));
        assertEquals("x31", Units.times(3_100));
        assertEquals("x3,136", Units.times(313_600));
        assertEquals("x1", Units.times(100));
        assertEquals("1/5", Units.times(20));
        assertEquals("1/2.5", Units.times(40));
        assertEquals("", Units.times(Double.NaN));
    }

    @Test
    void factorsDoNotFollowTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("x3.1", Units.times(310));
            assertEquals("x3,136", Units.times(313_600));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
