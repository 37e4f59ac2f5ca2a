package asyncbench.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The context-switch programs' lines read as they print them. */
class TimingTest {
    @Test
    void readsEveryUnitAndLabel() {
        List<Timing> brigade = Timing.parse("500 tasks, 10000 iterations:\nmean 2.380ms per iteration, stddev 1.500ms (4.760µs per task per iter)\n", 10_000);
        assertEquals(1, brigade.size());
        assertEquals(2.380e-3, brigade.getFirst().meanSeconds(), 1e-12);
        assertEquals(1.5e-3, brigade.getFirst().stddevSeconds(), 1e-12);

        List<Timing> oneThread = Timing.parse("10000 iterations, 500 tasks, mean 540.000µs per iteration, stddev 0s (1.080µs per task per iter)", 10_000);
        assertEquals(540e-6, oneThread.getFirst().meanSeconds(), 1e-12);
        assertEquals(0, oneThread.getFirst().stddevSeconds());

        List<Timing> creation = Timing.parse("1000 tasks, 10 warmups, 100 iterations:\n"
                + "create a task: mean 17.300ms per iter, stddev 2.000ms (17.300µs per task)\n"
                + "creation to body: mean 30.500µs, stddev 812.000ns\n", 100);
        assertEquals(2, creation.size());
        assertEquals("create a task", creation.get(0).label());
        assertEquals("creation to body", creation.get(1).label());
        assertEquals(30.5e-6, creation.get(1).meanSeconds(), 1e-12);
        assertEquals(812e-9, creation.get(1).stddevSeconds(), 1e-15);
        assertEquals(1.5, Timing.parse("mean 1.500s per iteration, stddev 0.100s", 1).getFirst().meanSeconds(), 1e-12);
    }

    @Test
    void aFigureScalesAndItsErrorShrinksWithTheRepetitions() {
        Timing t = new Timing("", 2e-3, 1e-3, 10_000);
        assertEquals(2.0, t.metric(1e3, "ms").value(), 1e-12);
        assertEquals(2.0 * 1e3 / 500, t.metric(1e9 / 500 / 1e3, "us").value(), 1e-9);
        double wide = new Timing("", 2e-3, 1e-3, 100).metric(1e3, "ms").error();
        double narrow = t.metric(1e3, "ms").error();
        assertEquals(10, wide / narrow, 0.5);
    }
}
