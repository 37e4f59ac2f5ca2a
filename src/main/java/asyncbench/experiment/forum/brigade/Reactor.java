package asyncbench.experiment.forum.brigade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * One thread's event loop over a {@link Selector}: run everything ready, then poll, blocking only when
 * nothing is ready. A waiter asks to be run once when a channel is readable; others hand it work
 * through {@link #execute}, from any thread.
 */
final class Reactor implements Executor, AutoCloseable {
    private final Selector selector;
    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    private volatile boolean stopped;
    /** Waiters registered and not yet run; the loop's thread alone touches it. */
    private int armed;

    Reactor() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the calling thread the loop's thread, for a loop that polls through {@link #poll}. */
    void attach() {
        thread = Thread.currentThread();
    }

    /** Runs {@code task} on the loop: queued when called from its thread, else handed over and the loop woken. */
    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() == thread) {
            ready.addLast(task);
        } else {
            inbox.add(task);
            selector.wakeup();
        }
    }

    /** Runs {@code wake} once, on the loop's thread, when {@code channel} is readable. */
    void whenReadable(SelectableChannel channel, Runnable wake) {
        if (Thread.currentThread() != thread) {
            execute(() -> whenReadable(channel, wake));
            return;
        }
        SelectionKey key = channel.keyFor(selector);
        try {
            if (key == null) {
                channel.register(selector, SelectionKey.OP_READ, wake);
            } else {
                key.attach(wake);
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (ClosedChannelException e) {
            throw new UncheckedIOException(e);
        }
        armed++;
    }

    /** Waiters that wait for a channel now. */
    int armed() {
        return armed;
    }

    /** Runs the loop on the calling thread until {@link #stop}. */
    void run() {
        attach();
        while (!stopped) {
            runReady();
            poll(ready.isEmpty() && inbox.isEmpty());
        }
    }

    /** Runs what is ready, including what it makes ready, until nothing is. */
    void runReady() {
        while (true) {
            Runnable task = inbox.poll();
            if (task == null) {
                task = ready.pollFirst();
            }
            if (task == null) {
                return;
            }
            task.run();
        }
    }

    /** One poll, blocking until a channel is readable or the loop is woken when {@code block}; each waiter of a readable channel runs. */
    void poll(boolean block) {
        try {
            if (block) {
                selector.select();
            } else {
                selector.selectNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Runnable wake = (Runnable) key.attachment();
            if (wake != null && key.isValid()) {
                key.interestOps(0);
                key.attach(null);
                armed--;
                wake.run();
            }
        }
    }

    /** Ends {@link #run} after the task that calls it; callable from any thread. */
    void stop() {
        stopped = true;
        selector.wakeup();
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
