package asyncbench.experiment.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TallyTest {
    /** As the original: the readers of one writer count under that writer's one lock. */
    @Test
    void sharedCountingGivesEachWritersReadersOneTally() {
        Tally[] t = Tally.of(Tally.Counting.SHARED, 8, 2);
        assertSame(t[0], t[2]);
        assertSame(t[1], t[7]);
        assertNotSame(t[0], t[1]);
        for (Tally x : t) {
            x.increment();
        }
        assertEquals(4, t[0].get());
        assertEquals(4, t[1].get());
    }

    @Test
    void perReaderCountingGivesEveryReaderItsOwn() {
        Tally[] t = Tally.of(Tally.Counting.PER_READER, 4, 2);
        assertNotSame(t[0], t[2]);
        t[0].increment();
        assertEquals(1, t[0].get());
        assertEquals(0, t[2].get());
    }
}
