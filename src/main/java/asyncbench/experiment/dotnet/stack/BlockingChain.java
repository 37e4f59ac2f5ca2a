package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.loop.Plain;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.ModelRuntime;
import java.util.concurrent.CompletableFuture;

/**
 * The chain as plain methods: a call is a call, an exception unwinds the thread's own stack (or, when
 * the shape rethrows, is caught and thrown again in every frame); a suspension is {@link Plain}'s.
 */
final class BlockingChain implements Chain {
    private final ModelRuntime runtime;
    private final Shape shape;
    private final Tally tally;
    private final Runnable suspend;

    BlockingChain(ModelRuntime runtime, Shape shape, Tally tally) {
        this.runtime = runtime;
        this.shape = shape;
        this.tally = tally;
        this.suspend = Plain.suspension(runtime);
    }

    @Override
    public CompletableFuture<Void> start() {
        return Plain.start(runtime, () -> {
            while (tally.more()) {
                try {
                    int top = shape.depth() - 1;
                    Shape.returned(tally, shape.rethrowsPerIteration() > 0 ? rethrowingFrame(top) : frame(top));
                } catch (LeafException e) {
                    Shape.caught(tally, e);
                }
            }
        });
    }

    private long leaf() throws LeafException {
        for (int i = 0; i < shape.yields(); i++) {
            tally.suspensions++;
            suspend.run();
        }
        if (shape.throwing()) {
            throw new LeafException();
        }
        return Shape.RESULT;
    }

    /** A frame that lets a failure of its call unwind through it. */
    private long frame(int level) throws LeafException {
        int live1 = shape.live1(level);
        int live2 = level;
        double live3 = shape.yields();
        if (level == 0) {
            return leaf();
        }
        long result;
        if (shape.hasFinally(level)) {
            try {
                result = frame(level - 1);
            } finally {
                tally.sink += Shape.sinkValue(live1, live2, live3, level);
            }
        } else {
            result = frame(level - 1);
        }
        tally.sink += Shape.sinkValue(live1, live2, live3, level);
        return result;
    }

    /** A frame that catches a failure of its call, counts it and rethrows it, as an awaiting C# frame does. */
    private long rethrowingFrame(int level) throws LeafException {
        int live1 = shape.live1(level);
        int live2 = level;
        double live3 = shape.yields();
        if (level == 0) {
            return leaf();
        }
        long result;
        try {
            if (shape.hasFinally(level)) {
                try {
                    result = rethrowingFrame(level - 1);
                } finally {
                    tally.sink += Shape.sinkValue(live1, live2, live3, level);
                }
            } else {
                result = rethrowingFrame(level - 1);
            }
        } catch (LeafException e) {
            throw Shape.rethrown(tally, e);
        }
        tally.sink += Shape.sinkValue(live1, live2, live3, level);
        return result;
    }
}
