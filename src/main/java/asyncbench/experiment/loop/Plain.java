package asyncbench.experiment.loop;

import asyncbench.model.ModelRuntime;
import java.util.concurrent.CompletableFuture;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Where plain (blocking-style) code runs, and what a suspension is there: on a virtual thread
 * {@code Thread.yield()} freezes the stack and gives the carrier back to the scheduler; in a bare
 * continuation {@code Continuation.yield} returns to the one platform thread that runs it, which runs
 * it again at once; a platform thread cannot suspend, and its {@code Thread.yield()} only offers the
 * CPU to the kernel.
 */
public final class Plain {
    private static final ContinuationScope SCOPE = new ContinuationScope("stack");

    private Plain() {
    }

    /** A bare continuation of {@code body}, which may suspend with {@link #suspension} of a continuations runtime. */
    public static Continuation continuation(Runnable body) {
        return new Continuation(SCOPE, body);
    }

    /** Whether the runtime runs plain code. */
    public static boolean runs(ModelRuntime runtime) {
        return runtime instanceof ModelRuntime.Threads || runtime instanceof ModelRuntime.Continuations;
    }

    /** The runtime's suspension for plain code. */
    public static Runnable suspension(ModelRuntime runtime) {
        if (runtime instanceof ModelRuntime.Continuations) {
            return () -> {
                if (!Continuation.yield(SCOPE)) {
                    throw new IllegalStateException("pinned: the continuation cannot yield");
                }
            };
        }
        return Thread::yield;
    }

    /** Starts {@code loop} on the runtime; the future completes when it returns, or fails with what it threw. */
    public static CompletableFuture<Void> start(ModelRuntime runtime, Runnable loop) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable body = () -> {
            try {
                loop.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        };
        switch (runtime) {
            case ModelRuntime.Threads t -> t.factory().newThread(body).start();
            case ModelRuntime.Continuations c -> Thread.ofPlatform().name("continuation-runner").start(() -> {
                Continuation continuation = continuation(body);
                while (!continuation.isDone()) {
                    continuation.run();
                }
            });
            default -> throw new IllegalArgumentException("plain code does not run on " + runtime.style());
        }
        return done;
    }
}
