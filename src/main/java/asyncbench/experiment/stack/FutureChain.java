package asyncbench.experiment.stack;

import asyncbench.model.ModelRuntime;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * CompletableFuture-returning methods composed with thenApply/whenComplete/thenCompose: each call
 * allocates its futures and the lambdas that hold its live values, as a classic compiler-generated
 * async method allocates its task and state machine. A suspension is a dispatch: the rest of the leaf
 * is handed to an executor, which completes it later. With an inline completer that executor is a
 * queue that the loop's own thread drains (the loop never leaves it); with a pool, the pool.
 */
final class FutureChain implements Chain {
    private final Shape shape;
    private final Tally tally;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final Executor dispatch;
    private final boolean ownThread;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    FutureChain(ModelRuntime.Callback runtime, Shape shape, Tally tally) {
        this.shape = shape;
        this.tally = tally;
        this.ownThread = runtime.runsInline();
        this.dispatch = ownThread ? queue::addLast : runtime.completer();
    }

    @Override
    public CompletableFuture<Void> start() {
        Thread.ofPlatform().name("future-loop").start(() -> {
            loop();
            while (ownThread && !done.isDone()) {
                Runnable next = queue.pollFirst();
                if (next == null) {
                    done.completeExceptionally(new IllegalStateException("nothing left to run before the loop ended"));
                    break;
                }
                next.run();
            }
        });
        return done;
    }

    /** The top frame: iterations that complete at once go round here; one that suspends continues from its completion. */
    private void loop() {
        try {
            while (tally.more()) {
                CompletableFuture<Long> call = frame(shape.depth() - 1);
                if (!call.isDone()) {
                    call.whenComplete((r, e) -> {
                        if (end(call)) {
                            loop();
                        }
                    });
                    return;
                }
                if (!end(call)) {
                    return;
                }
            }
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    /** Counts a finished call; false when it failed in a way the benchmark does not expect, which ends the loop. */
    private boolean end(CompletableFuture<Long> call) {
        try {
            if (call.isCompletedExceptionally()) {
                tally.caught(call.exceptionNow());
            } else {
                tally.returned(call.resultNow());
            }
            return true;
        } catch (Throwable e) {
            done.completeExceptionally(e);
            return false;
        }
    }

    private CompletableFuture<Long> frame(int level) {
        int live1 = shape.live1(level);
        int live2 = level;
        double live3 = shape.yields();
        if (level == 0) {
            return leaf(0);
        }
        CompletableFuture<Long> below = frame(level - 1);
        if (shape.hasFinally(level)) {
            below = below.whenComplete((r, e) -> tally.sink += Shape.sinkValue(live1, live2, live3, level));
        }
        return below.thenApply(r -> {
            tally.sink += Shape.sinkValue(live1, live2, live3, level);
            return r;
        });
    }

    private CompletableFuture<Long> leaf(int awaited) {
        if (awaited < shape.yields()) {
            tally.suspensions++;
            CompletableFuture<Void> yielded = new CompletableFuture<>();
            dispatch.execute(() -> yielded.complete(null));
            return yielded.thenCompose(v -> leaf(awaited + 1));
        }
        if (shape.throwing()) {
            return CompletableFuture.failedFuture(new LeafException());
        }
        return CompletableFuture.completedFuture(Shape.RESULT);
    }
}
