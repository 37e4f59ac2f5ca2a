package asyncbench.experiment.signal;

import asyncbench.experiment.LimitReachedException;
import asyncbench.model.Model;
import asyncbench.model.Style;
import asyncbench.os.ThreadBudget;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * N readers, each with its own pipe, written once per style and started under a model.
 * Closing drains every pipe and waits until every reader has stopped.
 */
abstract sealed class Readers permits Readers.Blocking, Readers.Callback {

    /** The models readers can run under: every kind of thread, and every callback policy. */
    static List<Model> models() {
        return Arrays.stream(Model.values())
                .filter(m -> m.threads().isPresent() || m.style() == Style.CALLBACK)
                .toList();
    }

    /** Starts {@code count} readers under {@code model}; {@code pool} runs pool completions. */
    static Readers start(Model model, int count, Executor pool) throws LimitReachedException {
        return switch (model.style()) {
            case BLOCKING -> new Blocking(model, count);
            case CALLBACK -> new Callback(model.completer(pool), count);
            case EVENT_LOOP -> throw new IllegalArgumentException(model + " has no signal readers");
        };
    }

    abstract int size();

    abstract Pipe<?> pipe(int index);

    /** Iterations counted by all readers so far. */
    abstract long iterations();

    /** Readers waiting for a signal right now. */
    abstract long waiting();

    /** Signals that released a waiting reader; exact once closed. */
    abstract long wakeupsSent();

    /** Waits that a signal ended; exact once closed. */
    abstract long wakeupsReceived();

    /** Closes every pipe and waits for every reader to drain it and stop. */
    final void close(Duration timeout) throws InterruptedException, TimeoutException {
        for (int i = 0; i < size(); i++) {
            pipe(i).close();
        }
        awaitStopped(timeout.toNanos());
    }

    abstract void awaitStopped(long timeoutNanos) throws InterruptedException, TimeoutException;

    final long added() {
        long sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += pipe(i).added();
        }
        return sum;
    }

    final long remaining() {
        long sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += pipe(i).remaining();
        }
        return sum;
    }

    static final class Blocking extends Readers {
        private final BlockingReader[] readers;
        private final Thread[] threads;

        Blocking(Model model, int count) throws LimitReachedException {
            if (model == Model.PLATFORM) {
                ThreadBudget.require(count);
            }
            ThreadFactory factory = model.threads().orElseThrow(
                    () -> new IllegalArgumentException(model + " does not run on threads"));
            readers = new BlockingReader[count];
            threads = new Thread[count];
            for (int i = 0; i < count; i++) {
                readers[i] = new BlockingReader(new EventPipe());
                try {
                    threads[i] = factory.newThread(readers[i]);
                    threads[i].start();
                } catch (OutOfMemoryError e) {
                    // "unable to create native thread": stop those started, report how far it got
                    stopStarted(i);
                    throw new LimitReachedException(i, "native threads",
                            "thread " + (i + 1) + " of " + count + " could not start: " + e.getMessage());
                }
            }
        }

        private void stopStarted(int started) {
            for (int i = 0; i < started; i++) {
                readers[i].pipe.close();
            }
            for (int i = 0; i < started; i++) {
                try {
                    threads[i].join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        int size() {
            return readers.length;
        }

        @Override
        Pipe<?> pipe(int index) {
            return readers[index].pipe;
        }

        @Override
        long iterations() {
            long sum = 0;
            for (BlockingReader r : readers) {
                sum += r.iterations.get();
            }
            return sum;
        }

        @Override
        long waiting() {
            long sum = 0;
            for (BlockingReader r : readers) {
                sum += r.pipe.event.hasWaiter() ? 1 : 0;
            }
            return sum;
        }

        @Override
        long wakeupsSent() {
            long sum = 0;
            for (BlockingReader r : readers) {
                sum += r.pipe.event.wakeupsSent();
            }
            return sum;
        }

        @Override
        long wakeupsReceived() {
            long sum = 0;
            for (BlockingReader r : readers) {
                sum += r.pipe.event.wakeupsReceived();
            }
            return sum;
        }

        @Override
        void awaitStopped(long timeoutNanos) throws InterruptedException, TimeoutException {
            long deadline = System.nanoTime() + timeoutNanos;
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    throw new TimeoutException("reader " + t.getName() + " did not stop");
                }
            }
        }
    }

    static final class Callback extends Readers {
        private final CallbackReader[] readers;
        private final CountDownLatch finished;

        Callback(Executor completer, int count) {
            finished = new CountDownLatch(count);
            readers = new CallbackReader[count];
            for (int i = 0; i < count; i++) {
                readers[i] = new CallbackReader(new FuturePipe(completer), finished);
            }
            for (CallbackReader r : readers) {
                r.start();
            }
        }

        @Override
        int size() {
            return readers.length;
        }

        @Override
        Pipe<?> pipe(int index) {
            return readers[index].pipe;
        }

        @Override
        long iterations() {
            long sum = 0;
            for (CallbackReader r : readers) {
                sum += r.iterations.get();
            }
            return sum;
        }

        @Override
        long waiting() {
            long sum = 0;
            for (CallbackReader r : readers) {
                sum += r.pipe.hasWaiter() ? 1 : 0;
            }
            return sum;
        }

        @Override
        long wakeupsSent() {
            long sum = 0;
            for (CallbackReader r : readers) {
                sum += r.pipe.wakeupsSent();
            }
            return sum;
        }

        @Override
        long wakeupsReceived() {
            long sum = 0;
            for (CallbackReader r : readers) {
                sum += r.wakeups();
            }
            return sum;
        }

        @Override
        void awaitStopped(long timeoutNanos) throws InterruptedException, TimeoutException {
            if (!finished.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(finished.getCount() + " readers did not stop");
            }
        }
    }
}
