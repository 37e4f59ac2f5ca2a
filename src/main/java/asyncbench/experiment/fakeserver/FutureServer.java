package asyncbench.experiment.fakeserver;

import static asyncbench.experiment.fakeserver.FakeStream.WOULD_BLOCK;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Handlers written as CompletableFuture continuations: on would-block a handler returns a future of
 * the object's readiness composed with the rest of its work. One thread polls and completes the
 * futures of ready objects, which runs their continuations inline.
 */
final class FutureServer implements Server {
    private final FakeIo io;
    /** For each poll key, the future its handler waits on, or null. */
    private final CompletableFuture<?>[] waiters;
    private final ArrayDeque<CompletableFuture<Void>> woken = new ArrayDeque<>();
    private final Poll.Events events;
    private int live;
    private Throwable failure;

    FutureServer(FakeIo io) {
        this.io = io;
        this.waiters = new CompletableFuture<?>[io.connections + 1];
        this.events = new Poll.Events(io.connections + 1);
    }

    @Override
    public void serve() {
        io.poll.register(io.listener, Evented.READABLE);
        spawn(accept(io.connections));
        while (true) {
            for (CompletableFuture<Void> f; (f = woken.poll()) != null; ) {
                f.complete(null);
            }
            if (failure != null) {
                throw new IllegalStateException("a handler failed", failure);
            }
            if (live == 0) {
                break;
            }
            io.poll.poll(events);
            for (int i = 0; i < events.size; i++) {
                @SuppressWarnings("unchecked")
                CompletableFuture<Void> f = (CompletableFuture<Void>) waiters[events.keys[i]];
                if (f != null) {
                    waiters[events.keys[i]] = null;
                    woken.add(f);
                }
            }
        }
    }

    private void spawn(CompletableFuture<Void> handler) {
        live++;
        handler.whenComplete((v, e) -> {
            live--;
            if (e != null && failure == null) {
                failure = e;
            }
        });
    }

    /** A future completed when {@code e} is next reported ready. */
    private CompletableFuture<Void> ready(Evented e) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiters[e.key] = f;
        return f;
    }

    private CompletableFuture<Void> accept(int left) {
        for (int remaining = left; remaining > 0; remaining--) {
            FakeStream stream = io.listener.accept();
            if (stream == null) {
                int still = remaining;
                return ready(io.listener).thenCompose(v -> accept(still));
            }
            io.poll.register(stream, Evented.READABLE | Evented.WRITABLE);
            spawn(receive(new Exchange().open(stream)));
        }
        io.poll.unregister(io.listener);
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> receive(Exchange x) {
        while (!x.received()) {
            int n = x.stream.read(x.buf, x.length);
            if (n == WOULD_BLOCK) {
                return ready(x.stream).thenCompose(v -> receive(x));
            }
            x.length += n;
        }
        return send(x);
    }

    private CompletableFuture<Void> send(Exchange x) {
        while (x.sent < x.length) {
            int n = x.stream.write(x.buf, x.sent, x.length - x.sent);
            if (n == WOULD_BLOCK) {
                return ready(x.stream).thenCompose(v -> send(x));
            }
            x.sent += n;
        }
        io.poll.unregister(x.stream);
        return CompletableFuture.completedFuture(null);
    }
}
