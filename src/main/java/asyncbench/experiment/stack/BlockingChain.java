package asyncbench.experiment.stack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Plain methods: a call is a call, an exception unwinds the thread's own stack. What a suspension is
 * belongs to where the code runs: on a virtual thread {@code Thread.yield()} freezes the stack and
 * gives the carrier back to the scheduler; in a bare continuation {@code Continuation.yield} returns
 * to the thread that ran it, which runs it again at once; a platform thread cannot suspend, and its
 * {@code Thread.yield()} only offers the CPU to the kernel.
 */
final class BlockingChain {
    private static final ContinuationScope SCOPE = new ContinuationScope("stack");

    private final Shape shape;
    private final Tally tally;
    private final Runnable suspend;

    private BlockingChain(Shape shape, Tally tally, Runnable suspend) {
        this.shape = shape;
        this.tally = tally;
        this.suspend = suspend;
    }

    /** The loop on a thread of {@code factory}; a suspension is {@code Thread.yield()}. */
    static Chain onThreads(ThreadFactory factory, Shape shape, Tally tally) {
        BlockingChain chain = new BlockingChain(shape, tally, Thread::yield);
        return () -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            factory.newThread(() -> chain.runTo(done)).start();
            return done;
        };
    }

    /** The loop in a bare continuation, run again by one platform thread each time it yields. */
    static Chain asContinuation(Shape shape, Tally tally) {
        BlockingChain chain = new BlockingChain(shape, tally, () -> {
            if (!Continuation.yield(SCOPE)) {
                throw new IllegalStateException("pinned: the continuation cannot yield");
            }
        });
        return () -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread.ofPlatform().name("continuation-runner").start(() -> {
                Continuation c = new Continuation(SCOPE, () -> chain.runTo(done));
                while (!c.isDone()) {
                    c.run();
                }
            });
            return done;
        };
    }

    private void runTo(CompletableFuture<Void> done) {
        try {
            while (tally.more()) {
                try {
                    tally.returned(frame(shape.depth() - 1));
                } catch (LeafException e) {
                    tally.caught(e);
                }
            }
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    private long frame(int level) throws LeafException {
        int live1 = shape.live1(level);
        int live2 = level;
        double live3 = shape.yields();
        if (level == 0) {
            for (int i = 0; i < shape.yields(); i++) {
                tally.suspensions++;
                suspend.run();
            }
            if (shape.throwing()) {
                throw new LeafException();
            }
            return Shape.RESULT;
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
}
