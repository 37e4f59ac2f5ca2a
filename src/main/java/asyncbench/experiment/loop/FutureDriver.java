package asyncbench.experiment.loop;

import asyncbench.model.ModelRuntime;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a CompletableFuture workload's loop and gives it its suspension, a dispatch: {@link #yieldNow}
 * returns a future that an executor completes later. With an inline completer that executor is a queue
 * that the loop's own thread drains, so the loop never leaves that thread; with a pool, the pool.
 */
public final class FutureDriver {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final boolean ownThread;
    private final Executor dispatch;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public FutureDriver(ModelRuntime.Callback runtime) {
        this.ownThread = runtime.runsInline();
        this.dispatch = ownThread ? queue::addLast : runtime.completer();
    }

    /** A future completed later by the executor: the code that waits on it goes on from there. */
    public CompletableFuture<Void> yieldNow() {
        CompletableFuture<Void> yielded = new CompletableFuture<>();
        dispatch.execute(() -> yielded.complete(null));
        return yielded;
    }

    /**
     * Runs, on a new platform thread, {@code step} again and again while {@code more} says so, handing
     * each finished step to {@code end}: a step that completes at once goes round on the same stack, one
     * that suspends goes on from its completion. With an inline completer the thread then runs whatever
     * was dispatched until the loop has ended. The future completes then, or fails with what a step or
     * {@code end} threw.
     */
    public <T> CompletableFuture<Void> repeat(BooleanSupplier more, Supplier<CompletableFuture<T>> step,
            Consumer<CompletableFuture<T>> end) {
        Thread.ofPlatform().name("future-loop").start(() -> {
            loop(more, step, end);
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

    private <T> void loop(BooleanSupplier more, Supplier<CompletableFuture<T>> step, Consumer<CompletableFuture<T>> end) {
        try {
            while (more.getAsBoolean()) {
                CompletableFuture<T> call = step.get();
                if (!call.isDone()) {
                    call.whenComplete((r, e) -> {
                        try {
                            end.accept(call);
                        } catch (Throwable failure) {
                            done.completeExceptionally(failure);
                            return;
                        }
                        loop(more, step, end);
                    });
                    return;
                }
                end.accept(call);
            }
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }
}
