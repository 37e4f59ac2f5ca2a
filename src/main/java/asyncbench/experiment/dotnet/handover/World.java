package asyncbench.experiment.dotnet.handover;

import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.List;

/** Tasks that suspend and are resumed, a batch at a time; one implementation per way of suspending. */
interface World extends AutoCloseable {
    /** The styles that suspend below a stack of frames: captured, compiled into state machines, or as pending stages. */
    List<Style> STYLES = List.of(Style.CONTINUATIONS, Style.COROUTINES, Style.THREADS, Style.CALLBACK);

    /** Round trips per batch: enough that the batch's own start and end cost little per suspension. */
    int BATCH = 10_000;

    /** Runs {@link #BATCH} round trips; returns the resumptions the tasks counted. */
    long batch();

    /** Suspensions (each with its resumption) in one batch: two per round trip in every world. */
    default long suspensionsPerBatch() {
        return 2L * BATCH;
    }

    @Override
    void close();

    static World of(ModelRuntime runtime, int depthFrames) {
        return switch (runtime) {
            case ModelRuntime.Continuations _ -> new ContinuationWorld(depthFrames);
            case ModelRuntime.Coroutines c -> new CoroutineWorld(c.runtime(), depthFrames);
            case ModelRuntime.Threads t -> new PingPongWorld(t.factory(), depthFrames);
            case ModelRuntime.Callback c -> new FutureWorld(c, depthFrames);
            case ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException("handover is not written in the " + runtime.style()
                            + " style: it suspends a stack of frames");
        };
    }
}
