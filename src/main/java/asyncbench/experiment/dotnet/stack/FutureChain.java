package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.loop.FutureDriver;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.ModelRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The chain as CompletableFuture-returning methods composed with handle/thenApply/whenComplete/thenCompose:
 * each call allocates its futures and the lambdas that hold its live values, as a classic
 * compiler-generated async method allocates its task and state machine. When the shape rethrows, each
 * frame's stage is a {@code handle} that throws a failure again, as an awaiting C# frame rethrows it;
 * otherwise a {@code thenApply} that a failure skips, carried as a value. A suspension is
 * {@link FutureDriver}'s dispatch.
 */
final class FutureChain implements Chain {
    private final Shape shape;
    private final Tally tally;
    private final FutureDriver driver;

    FutureChain(ModelRuntime.Callback runtime, Shape shape, Tally tally) {
        this.shape = shape;
        this.tally = tally;
        this.driver = new FutureDriver(runtime);
    }

    @Override
    public CompletableFuture<Void> start() {
        return driver.repeat(tally::more, () -> frame(shape.depth() - 1), call -> {
            if (call.isCompletedExceptionally()) {
                Shape.caught(tally, call.exceptionNow());
            } else {
                Shape.returned(tally, call.resultNow());
            }
        });
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
        if (shape.rethrowsPerIteration() > 0) {
            return below.handle((r, e) -> {
                if (e != null) {
                    throw Shape.rethrown(tally, e instanceof CompletionException c ? c : new CompletionException(e));
                }
                tally.sink += Shape.sinkValue(live1, live2, live3, level);
                return r;
            });
        }
        return below.thenApply(r -> {
            tally.sink += Shape.sinkValue(live1, live2, live3, level);
            return r;
        });
    }

    private CompletableFuture<Long> leaf(int awaited) {
        if (awaited < shape.yields()) {
            tally.suspensions++;
            return driver.yieldNow().thenCompose(v -> leaf(awaited + 1));
        }
        if (shape.throwing()) {
            return CompletableFuture.failedFuture(new LeafException());
        }
        return CompletableFuture.completedFuture(Shape.RESULT);
    }
}
