package asyncbench.experiment.rust;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The blocking-style handlers on threads from the model's factory (virtual or platform): a handler
 * that would block parks, and the poll loop, itself such a thread, unparks it once its object is
 * ready. The loop hands the turn to one handler at a time and parks until it parks or ends, so the
 * fake I/O stays single-threaded and the schedule matches the other servers'; what differs is that
 * every hand-over goes through the threads' scheduler (the virtual thread scheduler, or the kernel).
 */
final class ThreadServer implements Server, Suspender, Reactor.Driver {
    private final FakeIo io;
    private final ThreadFactory threads;
    private final Reactor reactor;
    /** Per poll key: the thread parked on it; read and cleared only by the loop. */
    private final KeyWaiters<Thread> waiters;
    /** Per poll key: the thread allowed to run on (set by the loop, cleared by the handler). */
    private final AtomicReferenceArray<Thread> turns;
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private volatile Thread loop;
    private volatile boolean handedBack;
    private int live;
    private Throwable failure;

    ThreadServer(FakeIo io, ThreadFactory threads) {
        this.io = io;
        this.threads = threads;
        this.reactor = new Reactor(io);
        this.waiters = new KeyWaiters<>(io);
        this.turns = new AtomicReferenceArray<>(io.connections + 1);
    }

    @Override
    public void serve() {
        Thread driver = threads.newThread(this::loop);
        driver.start();
        try {
            driver.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw new IllegalStateException("a handler failed", failure);
        }
    }

    private void loop() {
        loop = Thread.currentThread();
        spawn(() -> BlockingHandlers.listen(io, this));
        reactor.run(this);
    }

    @Override
    public void runReady() {
        for (Object next; (next = ready.poll()) != null; ) {
            runTurn(next);
        }
    }

    @Override
    public boolean finished() {
        return live == 0 || failure != null;
    }

    @Override
    public void ready(int key) {
        Thread t = waiters.take(key);
        if (t != null) {
            ready.add(new Wake(key, t));
        }
    }

    /** Lets one handler run until it parks or ends. */
    private void runTurn(Object next) {
        handedBack = false;
        if (next instanceof Wake w) {
            turns.set(w.key, w.thread);
            LockSupport.unpark(w.thread);
        } else {
            threads.newThread(() -> runHandler((Runnable) next)).start();
        }
        while (!handedBack) {
            LockSupport.park(this);
        }
    }

    private void runHandler(Runnable handler) {
        try {
            handler.run();
        } catch (Throwable t) {
            failure = t;
        } finally {
            live--;
            handBack();
        }
    }

    private void handBack() {
        handedBack = true;
        LockSupport.unpark(loop);
    }

    @Override
    public void awaitReady(Evented e) {
        Thread me = Thread.currentThread();
        waiters.park(e.key, me);
        handBack();
        while (turns.get(e.key) != me) {
            LockSupport.park(this);
        }
        turns.set(e.key, null);
    }

    @Override
    public void spawn(Runnable handler) {
        live++;
        ready.add(handler);
    }

    /** A parked handler to resume. */
    private record Wake(int key, Thread thread) {
    }
}
