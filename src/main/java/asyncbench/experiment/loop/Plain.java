package asyncbench.experiment.loop;

import asyncbench.model.ModelRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
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

    /** Whether the caller runs inside a bare continuation made by {@link #continuation}. */
    public static boolean inContinuation() {
        return Continuation.getCurrentContinuation(SCOPE) != null;
    }

    /** The runtime's suspension for plain code: a continuation yields, a thread yields its core. */
    public static Runnable suspension(ModelRuntime runtime) {
        return switch (runtime) {
            case ModelRuntime.Continuations _ -> () -> {
                if (!Continuation.yield(SCOPE)) {
                    throw new IllegalStateException("pinned: the continuation cannot yield");
                }
            };
            case ModelRuntime.Threads _ -> Thread::yield;
            case ModelRuntime.Callback _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _, ModelRuntime.Coroutines _ ->
                    throw new IllegalArgumentException("plain code does not run on " + runtime.style());
        };
    }

    /** Work that may throw. */
    public interface Body {
        void run() throws Exception;
    }

    /** Starts {@code body} on a new thread from {@code factory}; the future completes when it returns, or fails with what it threw. */
    public static CompletableFuture<Void> onThread(ThreadFactory factory, Body body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        factory.newThread(completing(body, done)).start();
        return done;
    }

    private static Runnable completing(Body body, CompletableFuture<Void> done) {
        return () -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        };
    }

    /** Starts {@code loop} on the runtime; the future completes when it returns, or fails with what it threw. */
    public static CompletableFuture<Void> start(ModelRuntime runtime, Runnable loop) {
        return switch (runtime) {
            case ModelRuntime.Threads t -> onThread(t.factory(), loop::run);
            case ModelRuntime.Continuations c -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                Continuation continuation = continuation(completing(loop::run, done));
                Thread.ofPlatform().name("continuation-runner").start(() -> {
                    while (!continuation.isDone()) {
                        continuation.run();
                    }
                });
                yield done;
            }
            case ModelRuntime.Callback _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _, ModelRuntime.Coroutines _ ->
                    throw new IllegalArgumentException("plain code does not run on " + runtime.style());
        };
    }
}
