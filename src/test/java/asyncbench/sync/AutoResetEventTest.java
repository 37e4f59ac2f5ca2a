package asyncbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AutoResetEventTest {
    private static final long SIGNALS = 200_000;
    private static final int ROUNDS = 20_000;
    /** Generous: a lost wake-up hangs forever, a slow machine finishes long before. */
    private static final Duration HANG = Duration.ofMinutes(2);

    static Stream<Arguments> threadKinds() {
        return Stream.of(Arguments.of("platform", Thread.ofPlatform().factory()),
                Arguments.of("virtual", Thread.ofVirtual().factory()));
    }

    /**
     * Two threads take turns through two events: each waits on its own event until the other sets it.
     * Every set must wake the other side, parked or about to park; one lost wake-up leaves both waiting
     * and the join times out.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("threadKinds")
    void pingPongLosesNoWakeup(String kind, ThreadFactory threads) throws Exception {
        AutoResetEvent toPong = new AutoResetEvent();
        AutoResetEvent toPing = new AutoResetEvent();
        long[] turns = new long[2];
        Thread pong = threads.newThread(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                toPong.await();
                turns[1]++;
                toPing.set();
            }
        });
        Thread ping = threads.newThread(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                toPong.set();
                toPing.await();
                turns[0]++;
            }
        });
        pong.start();
        ping.start();
        assertTrue(ping.join(HANG) && pong.join(HANG),
                "a wake-up was lost: ping took " + turns[0] + " turns, pong " + turns[1] + " of " + ROUNDS);
        assertEquals(ROUNDS, turns[0]);
        assertEquals(ROUNDS, turns[1]);
        assertEquals(toPong.wakeupsSent(), toPong.wakeupsReceived());
        assertEquals(toPing.wakeupsSent(), toPing.wakeupsReceived());
    }

    /** A consumer that waits whenever it has caught up must still see every item: no wake-up is lost. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("threadKinds")
    void noWakeupIsLostUnderStress(String kind, ThreadFactory threads) throws Exception {
        AutoResetEvent event = new AutoResetEvent();
        AtomicLong produced = new AtomicLong();
        long[] consumed = new long[1];
        Thread consumer = threads.newThread(() -> {
            while (consumed[0] < SIGNALS) {
                if (produced.get() > consumed[0]) {
                    consumed[0]++;
                } else {
                    event.await();
                }
            }
        });
        Thread producer = threads.newThread(() -> {
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
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadKinds")
    void setBeforeAwaitIsKeptAndSetsCoalesce(String kind, ThreadFactory threads) throws Exception {
        AutoResetEvent event = new AutoResetEvent();
        event.set();
        event.set();
        CountDownLatch passed = new CountDownLatch(1);
        Thread waiter = threads.newThread(() -> {
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadKinds")
    void secondWaiterIsRefused(String kind, ThreadFactory threads) throws Exception {
        AutoResetEvent event = new AutoResetEvent();
        Thread first = threads.newThread(event::await);
        first.start();
        while (!event.hasWaiter()) {
            Thread.onSpinWait();
        }
        assertThrows(IllegalStateException.class, event::await);
        event.set();
        assertTrue(first.join(HANG));
    }
}
