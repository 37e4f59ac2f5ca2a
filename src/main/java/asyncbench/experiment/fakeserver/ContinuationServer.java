package asyncbench.experiment.fakeserver;

import java.util.ArrayDeque;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * The blocking-style handlers run as {@link Continuation}s by a single-thread scheduler: a handler
 * that would block yields (the runtime freezes its stack), and the poll loop resumes it (thaws) once
 * its object is ready. Virtual threads are built on the same mechanism, minus their scheduler.
 */
final class ContinuationServer implements Server, Suspender {
    private static final ContinuationScope SCOPE = new ContinuationScope("fake-server");

    private final FakeIo io;
    private final Continuation[] waiters;
    private final ArrayDeque<Continuation> ready = new ArrayDeque<>();
    private final Poll.Events events;
    private int live;

    ContinuationServer(FakeIo io) {
        this.io = io;
        this.waiters = new Continuation[io.connections + 1];
        this.events = new Poll.Events(io.connections + 1);
    }

    @Override
    public void serve() {
        spawn(() -> BlockingHandlers.listen(io, this));
        while (true) {
            for (Continuation c; (c = ready.poll()) != null; ) {
                c.run();
                if (c.isDone()) {
                    live--;
                }
            }
            if (live == 0) {
                break;
            }
            io.poll.poll(events);
            for (int i = 0; i < events.size; i++) {
                Continuation c = waiters[events.keys[i]];
                if (c != null) {
                    waiters[events.keys[i]] = null;
                    ready.add(c);
                }
            }
        }
    }

    @Override
    public void awaitReady(Evented e) {
        waiters[e.key] = Continuation.getCurrentContinuation(SCOPE);
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
