package asyncbench.experiment.fakeserver;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The blocking-style handlers on virtual threads: a handler that would block parks, and the poll
 * loop, itself a virtual thread, unparks it once its object is ready. The loop hands the turn to one
 * handler at a time and parks until it parks or ends, so the fake I/O stays single-threaded and the
 * schedule matches the other servers'; what differs is that every hand-over goes through the
 * virtual thread scheduler (with one carrier, or the default number).
 */
final class VirtualServer implements Server, Suspender {
    private final FakeIo io;
    /** Per poll key: the thread parked on it; read and cleared only by the loop. */
    private final Thread[] waiters;
    /** Per poll key: the thread allowed to run on (set by the loop, cleared by the handler). */
    private final AtomicReferenceArray<Thread> turns;
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    private final Poll.Events events;
    private volatile Thread loop;
    private volatile boolean handedBack;
    private int live;
    private Throwable failure;

    VirtualServer(FakeIo io) {
        this.io = io;
        this.waiters = new Thread[io.connections + 1];
        this.turns = new AtomicReferenceArray<>(io.connections + 1);
        this.events = new Poll.Events(io.connections + 1);
    }

    @Override
    public void serve() {
        Thread driver = Thread.ofVirtual().name("fake-server-loop").start(this::loop);
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
        while (true) {
            for (Object next; (next = ready.poll()) != null; ) {
                runTurn(next);
            }
            if (live == 0 || failure != null) {
                break;
            }
            io.poll.poll(events);
            for (int i = 0; i < events.size; i++) {
                int key = events.keys[i];
                Thread t = waiters[key];
                if (t != null) {
                    waiters[key] = null;
                    ready.add(new Wake(key, t));
                }
            }
        }
    }

    /** Lets one handler run until it parks or ends. */
    private void runTurn(Object next) {
        handedBack = false;
        if (next instanceof Wake w) {
            turns.set(w.key, w.thread);
            LockSupport.unpark(w.thread);
        } else {
            Thread.ofVirtual().start(() -> runHandler((Runnable) next));
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
        waiters[e.key] = me;
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
