package asyncbench.experiment.rust;

import asyncbench.model.ModelRuntime;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Handlers written as CompletableFuture continuations: on would-block a handler returns a future of
 * the object's readiness composed with the rest of its work. One thread polls and completes the
 * futures of ready objects. With an inline completer the continuations run on that thread; with a
 * pool each completion runs as a pool task and the loop waits for it (the fake I/O is
 * single-threaded), so every resumption crosses to the pool and back.
 */
final class FutureServer implements Server, Reactor.Driver {
    private final FakeIo io;
    private final ModelRuntime.Callback callback;
    private final Reactor reactor;
    private final KeyWaiters<CompletableFuture<Void>> waiters;
    private final ArrayDeque<CompletableFuture<Void>> woken = new ArrayDeque<>();
    private int live;
    private Throwable failure;

    FutureServer(FakeIo io, ModelRuntime.Callback callback) {
        this.io = io;
        this.callback = callback;
        this.reactor = new Reactor(io);
        this.waiters = new KeyWaiters<>(io);
    }

    @Override
    public void serve() {
        io.poll.register(io.listener, Evented.READABLE);
        spawn(accept(io.connections));
        reactor.run(this);
        if (failure != null) {
            throw new IllegalStateException("a handler failed", failure);
        }
    }

    @Override
    public void runReady() {
        for (CompletableFuture<Void> f; (f = woken.poll()) != null; ) {
            if (callback.runsInline()) {
                f.complete(null);
            } else {
                CompletableFuture<Void> f0 = f;
                CompletableFuture.runAsync(() -> f0.complete(null), callback.completer()).join();
            }
        }
    }

    @Override
    public boolean finished() {
        return live == 0 || failure != null;
    }

    @Override
    public void ready(int key) {
        CompletableFuture<Void> f = waiters.take(key);
        if (f != null) {
            woken.add(f);
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
        waiters.park(e.key, f);
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
            spawn(exchange(new Exchange().open(stream, io.buffer(stream.key))));
        }
        io.poll.unregister(io.listener);
        return CompletableFuture.completedFuture(null);
    }

    /** Advances the exchange until it would block, then goes on when its stream is ready. */
    private CompletableFuture<Void> exchange(Exchange x) {
        if (x.advance()) {
            io.poll.unregister(x.stream);
            return CompletableFuture.completedFuture(null);
        }
        return ready(x.stream).thenCompose(v -> exchange(x));
    }
}
