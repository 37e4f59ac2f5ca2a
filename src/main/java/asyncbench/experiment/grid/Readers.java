package asyncbench.experiment.grid;

import asyncbench.experiment.LimitReachedException;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * N readers, each with its own pipe, written once per style and started on a model's runtime.
 * Closing drains every pipe and waits until every reader has stopped.
 */
final class Readers {
    /** The styles readers are written in. */
    static final List<Style> STYLES = List.of(Style.THREADS, Style.CALLBACK, Style.COROUTINES);

    private final Reader[] readers;
    /** Each tally once, though readers may share one. */
    private final Tally[] tallies;
    private final Stopped stopped;

    private Readers(Reader[] readers, Tally[] tallies, Stopped stopped) {
        this.readers = readers;
        this.tallies = java.util.Arrays.stream(tallies).distinct().toArray(Tally[]::new);
        this.stopped = stopped;
    }

    /** How to wait until every reader has stopped. */
    private interface Stopped {
        void await(long timeoutNanos) throws InterruptedException, TimeoutException;
    }

    /** Starts one reader per tally on {@code runtime}; reader i counts on {@code tallies[i]}. */
    static Readers start(ModelRuntime runtime, Tally[] tallies, Completion completion) throws LimitReachedException {
        int count = tallies.length;
        return switch (runtime) {
            case ModelRuntime.Threads threads -> onThreads(threads, tallies);
            case ModelRuntime.Callback callback -> {
                // queued: to the model's pool, or the shared one; inline: the writer completes the future itself
                Executor completer = switch (completion) {
                    case QUEUED -> callback.runsInline() ? Completion.sharedPool() : callback.pool();
                    case INLINE -> Runnable::run;
                };
                CountDownLatch finished = new CountDownLatch(count);
                CallbackReader[] readers = new CallbackReader[count];
                for (int i = 0; i < count; i++) {
                    readers[i] = new CallbackReader(new CallbackPipe<CompletableFuture<Void>>(
                            f -> completer.execute(() -> f.complete(null))), tallies[i], finished);
                }
                for (CallbackReader r : readers) {
                    r.start();
                }
                yield new Readers(readers, tallies, latch(finished, () -> null));
            }
            case ModelRuntime.Coroutines coroutines -> {
                CountDownLatch finished = new CountDownLatch(count);
                CoroutineReader[] readers = new CoroutineReader[count];
                for (int i = 0; i < count; i++) {
                    readers[i] = new CoroutineReader(coroutines.runtime(), tallies[i], completion);
                }
                for (CoroutineReader r : readers) {
                    r.start(finished);
                }
                yield new Readers(readers, tallies, latch(finished, coroutines.runtime()::failure));
            }
            case ModelRuntime.Continuations _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException("signal readers are not written in the " + runtime.style() + " style");
        };
    }

    private static Readers onThreads(ModelRuntime.Threads runtime, Tally[] tallies) throws LimitReachedException {
        int count = tallies.length;
        if (runtime.osThreads()) {
            LimitReachedException.requireThreads(count);
        }
        BlockingReader[] readers = new BlockingReader[count];
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            readers[i] = new BlockingReader(tallies[i]);
            try {
                threads[i] = runtime.factory().newThread(readers[i]);
                threads[i].start();
            } catch (OutOfMemoryError e) {
                // "unable to create native thread": stop those started, report how far it got
                stopStarted(readers, threads, i);
                throw new LimitReachedException(i, "native threads",
                        "thread " + (i + 1) + " of " + count + " could not start: " + e.getMessage());
            }
        }
        return new Readers(readers, tallies, timeoutNanos -> {
            long deadline = System.nanoTime() + timeoutNanos;
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    throw new TimeoutException("reader " + t.getName() + " did not stop");
                }
            }
        });
    }

    private static void stopStarted(BlockingReader[] readers, Thread[] threads, int started) {
        for (int i = 0; i < started; i++) {
            readers[i].pipe().close();
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

    private static Stopped latch(CountDownLatch finished, Supplier<Throwable> failure) {
        return timeoutNanos -> {
            if (!finished.await(timeoutNanos, TimeUnit.NANOSECONDS)) {
                Throwable cause = failure.get();
                TimeoutException e = new TimeoutException(finished.getCount() + " readers did not stop"
                        + (cause == null ? "" : ": a reader failed with " + cause));
                e.initCause(cause);
                throw e;
            }
        };
    }

    int size() {
        return readers.length;
    }

    Pipe<?> pipe(int index) {
        return readers[index].pipe();
    }

    /** Iterations counted by all readers so far. */
    long iterations() {
        long sum = 0;
        for (Tally t : tallies) {
            sum += t.get();
        }
        return sum;
    }

    /** Readers waiting for a signal right now. */
    long waiting() {
        return sum(r -> r.waiting() ? 1 : 0);
    }

    /** Signals that released a waiting reader; exact once closed. */
    long wakeupsSent() {
        return sum(Reader::wakeupsSent);
    }

    /** Waits that a signal ended; exact once closed. */
    long wakeupsReceived() {
        return sum(Reader::wakeupsReceived);
    }

    /** Waits after which the reader went on off a writer's thread; exact once closed. */
    long resumedOffWriter() {
        return sum(Reader::resumedOffWriter);
    }

    /** Segments added to all pipes. */
    long added() {
        return sum(r -> r.pipe().added());
    }

    /** Segments still in the pipes. */
    long remaining() {
        return sum(r -> r.pipe().remaining());
    }

    private long sum(ToLongFunction<Reader> count) {
        long sum = 0;
        for (Reader r : readers) {
            sum += count.applyAsLong(r);
        }
        return sum;
    }

    /** Waits until the readers have taken every segment written so far (writers stopped). */
    void awaitDrained(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (remaining() > 0) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(remaining() + " segments still unread after " + timeout);
            }
            Thread.sleep(1);
        }
    }

    /** Closes every pipe and waits for every reader to stop; segments left in a pipe stay counted. */
    void close(Duration timeout) throws InterruptedException, TimeoutException {
        // closed from the writers' side, as a writer: a reader it wakes inline runs there, as on a writer
        Thread closer = Thread.ofPlatform().name(Completion.WRITER + "close").start(() -> {
            for (Reader r : readers) {
                r.pipe().close();
            }
        });
        closer.join();
        stopped.await(timeout.toNanos());
    }
}
