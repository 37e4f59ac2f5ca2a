package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.loop.Tally;
import asyncbench.model.ModelRuntime;
import java.util.concurrent.CompletableFuture;

/**
 * The original's recursive async method, written once per style, and its top frame's loop, started on
 * the model's runtime. The loop ends when its {@link Tally} says so; the future it returns completes
 * then, or fails with what stopped it.
 */
public interface Chain {
    CompletableFuture<Void> start();

    /** The chain for {@code shape} in the style of {@code runtime}. */
    static Chain of(ModelRuntime runtime, Shape shape, Tally tally) {
        return switch (runtime) {
            case ModelRuntime.Threads t -> new BlockingChain(t, shape, tally);
            case ModelRuntime.Continuations c -> new BlockingChain(c, shape, tally);
            case ModelRuntime.Callback c -> new FutureChain(c, shape, tally);
            case ModelRuntime.Coroutines c -> new CoroutineChain(c.runtime(), shape, tally);
            case ModelRuntime.EventLoop e -> throw unsupported(e);
            case ModelRuntime.TaskExecutor e -> throw unsupported(e);
        };
    }

    private static IllegalArgumentException unsupported(ModelRuntime runtime) {
        return new IllegalArgumentException("no call chain is written in the " + runtime.style() + " style");
    }
}
