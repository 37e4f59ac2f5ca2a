package asyncbench.experiment.dotnet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.result.Point;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every model saves and restores the context at every frame, reads it, or leaves it, and the counts prove which. */
class ContextCaptureTest {
    private static final ContextCapture CONTEXT = new ContextCapture();
    private static final long N = 20_000;
    private static final long SUM_OF_IDS = N * (N + 1) / 2;

    static Point point(long depth, long yields, String context, String carrier) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put(ContextCapture.DEPTH, depth);
        point.put(ContextCapture.YIELDS, yields);
        point.put(ContextCapture.CONTEXT, context);
        point.put(ContextCapture.CARRIER, carrier);
        return Point.of(point);
    }

    @Test
    void everyModelDoesWhatItsContextSaysWithEveryCarrierItHas() throws Exception {
        for (Model model : CONTEXT.spec().models()) {
            for (String context : ContextCapture.CONTEXTS) {
                for (String carrier : ContextCapture.CARRIERS) {
                    Point point = point(5, model.osThreadPerTask() ? 0 : 1, context, carrier);
                    if (CONTEXT.points(model, java.util.List.of(point)).isEmpty()) {
                        continue;
                    }
                    Map<String, Long> counts = CONTEXT.countOnce(model, point);
                    String where = model + " " + context + " " + carrier;
                    assertEquals(context.equals("read") ? 5 * SUM_OF_IDS : SUM_OF_IDS, counts.get(ContextCapture.IDS), where);
                    if (context.equals("saveRestore")) {
                        assertEquals(5 * N, counts.get(ContextCapture.SAVES), where);
                        assertEquals(carrier.endsWith("hreadLocal") ? N : null, counts.get(ContextCapture.CHANGES), where);
                    } else {
                        assertEquals(null, counts.get(ContextCapture.SAVES), where);
                    }
                }
            }
        }
    }

    private static Tally saveRestoreTally(long sink, long saves, long changes) {
        Tally tally = Tally.counted(N);
        while (tally.more()) {
            tally.next();
        }
        tally.sink = sink;
        tally.saves = saves;
        tally.changes = changes;
        return tally;
    }

    @Test
    void aTopFrameFindingTheLeafsContextIsAMismatch() throws Exception {
        Point point = point(5, 0, "saveRestore", "threadLocal");
        CONTEXT.verify(point, saveRestoreTally(SUM_OF_IDS, 5 * N, N), null);
        // no frame restored: the top frame read the leaf's own context, id -1, every time
        assertThrows(WorkMismatchException.class, () -> CONTEXT.verify(point, saveRestoreTally(-N, 5 * N, N), null));
        assertThrows(WorkMismatchException.class, () -> CONTEXT.verify(point, saveRestoreTally(SUM_OF_IDS, 5 * N - 1, N), null));
        assertThrows(WorkMismatchException.class, () -> CONTEXT.verify(point, saveRestoreTally(SUM_OF_IDS, 5 * N, 0), null));
    }

    @Test
    void aLeafCannotChangeAScopedValueForItsCaller() throws Exception {
        CONTEXT.verify(point(5, 0, "saveRestore", "scopedValue"), saveRestoreTally(SUM_OF_IDS, 5 * N, 0), null);
    }
}
