package asyncbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.model.Model;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AutoResetEventTest {
    private static final long SIGNALS = 200_000;
    /** Generous: a lost wake-up hangs forever, a slow machine finishes long before. */
    private static final Duration HANG = Duration.ofMinutes(2);

    /** A consumer that waits whenever it has caught up must still see every item: no wake-up is lost. */
    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PLATFORM", "VIRTUAL"})
    void noWakeupIsLostUnderStress(Model model) throws Exception {
        AutoResetEvent event = new AutoResetEvent();
        AtomicLong produced = new AtomicLong();
        long[] consumed = new long[1];
        Thread consumer = model.threads().orElseThrow().newThread(() -> {
            while (consumed[0] < SIGNALS) {
                if (produced.get() > consumed[0]) {
                    consumed[0]++;
                } else {
                    event.await();
                }
            }
        });
        Thread producer = model.threads().orElseThrow().newThread(() -> {
            for (long i = 0; i < SIGNALS; i++) {
                produced.incrementAndGet();
                event.set();
                if ((i & 63) == 0) {
                    Thread.yield();
                }
            }
        });
        consumer.start();
        producer.start();
        assertTrue(producer.join(HANG), "producer finished");
        assertTrue(consumer.join(HANG), "consumer saw every signal; consumed " + consumed[0] + " of " + SIGNALS);
        assertEquals(SIGNALS, consumed[0]);
        assertEquals(event.wakeupsSent(), event.wakeupsReceived(), "every release was received");
        assertTrue(event.wakeupsReceived() > 0, "the consumer did park at least once");
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PLATFORM", "VIRTUAL"})
    void setBeforeAwaitIsKeptAndSetsCoalesce(Model model) throws Exception {
        AutoResetEvent event = new AutoResetEvent();
        event.set();
        event.set();
        CountDownLatch passed = new CountDownLatch(1);
        Thread waiter = model.threads().orElseThrow().newThread(() -> {
            event.await();
            passed.countDown();
            event.await();
        });
        waiter.start();
        passed.await();
        while (!event.hasWaiter()) {
            Thread.onSpinWait();
        }
        event.set();
        assertTrue(waiter.join(HANG));
        assertEquals(1, event.wakeupsReceived(), "the first await returned without parking, the second parked once");
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = {"PLATFORM", "VIRTUAL"})
    void secondWaiterIsRefused(Model model) throws Exception {
        AutoResetEvent event = new AutoResetEvent();
        Thread first = model.threads().orElseThrow().newThread(event::await);
        first.start();
        while (!event.hasWaiter()) {
            Thread.onSpinWait();
        }
        assertThrows(IllegalStateException.class, event::await);
        event.set();
        assertTrue(first.join(HANG));
    }
}
