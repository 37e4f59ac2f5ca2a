package asyncbench.experiment.rust;

import java.util.ArrayDeque;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The blocking-style handlers run as {@link Continuation}s by a single-thread scheduler: a handler
 * that would block yields (the runtime freezes its stack), and the poll loop resumes it (thaws) once
 * its object is ready. Virtual threads are built on the same mechanism, minus their scheduler.
 */
final class ContinuationServer implements Server, Suspender, Reactor.Driver {
    private static final ContinuationScope SCOPE = new ContinuationScope("fake-server");

    private final FakeIo io;
    private final Reactor reactor;
    private final KeyWaiters<Continuation> waiters;
    private final ArrayDeque<Continuation> ready = new ArrayDeque<>();
    private int live;

    ContinuationServer(FakeIo io) {
        this.io = io;
        this.reactor = new Reactor(io);
        this.waiters = new KeyWaiters<>(io);
    }

    @Override
    public void serve() {
        spawn(() -> BlockingHandlers.listen(io, this));
        reactor.run(this);
    }

    @Override
    public void runReady() {
        for (Continuation c; (c = ready.poll()) != null; ) {
            c.run();
            if (c.isDone()) {
                live--;
            }
        }
    }

    @Override
    public boolean finished() {
        return live == 0;
    }

    @Override
    public void ready(int key) {
        Continuation c = waiters.take(key);
        if (c != null) {
            ready.add(c);
        }
    }

    @Override
    public void awaitReady(Evented e) {
        waiters.park(e.key, Continuation.getCurrentContinuation(SCOPE));
        if (!Continuation.yield(SCOPE)) {
            throw new IllegalStateException("the continuation is pinned and cannot yield");
        }
    }

    @Override
    public void spawn(Runnable handler) {
        live++;
        ready.add(new Continuation(SCOPE, handler));
    }
}
