package asyncbench.experiment.rust;

import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.List;

/**
 * Serves every connection of a {@link FakeIo} once: accept, read one request line, write it back,
 * close. One implementation per style of server; all of them make the same I/O calls.
 */
interface Server {
    /** The styles servers are written in, the hand-written event loop first: the others are compared with it. */
    List<Style> STYLES = List.of(Style.EVENT_LOOP, Style.TASKS, Style.COROUTINES, Style.CALLBACK,
            Style.CONTINUATIONS, Style.THREADS);

    /** Runs one round of {@code io.connections} transactions; the caller resets {@code io} first. */
    void serve();

    static Server of(ModelRuntime runtime, FakeIo io) {
        return switch (runtime) {
            case ModelRuntime.EventLoop _ -> new ManualServer(io);
            case ModelRuntime.TaskExecutor _ -> new TaskServer(io);
            case ModelRuntime.Coroutines c -> new CoroutineServer(io, c.runtime());
            case ModelRuntime.Callback c -> new FutureServer(io, c);
            case ModelRuntime.Continuations _ -> new ContinuationServer(io);
            case ModelRuntime.Threads t -> new ThreadServer(io, t.factory());
        };
    }
}
