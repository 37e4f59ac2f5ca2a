package asyncbench.experiment.handover;

import asyncbench.model.Model;

/** Tasks that suspend and are resumed, a batch at a time; one implementation per way of suspending. */
interface World extends AutoCloseable {
    /** Round trips per batch: enough that the batch's own start and end cost little per suspension. */
    int BATCH = 10_000;

    /** Runs {@link #BATCH} round trips; returns the resumptions the tasks counted. */
    long batch();

    /** Suspensions (each with its resumption) in one batch. */
    long suspensionsPerBatch();

    @Override
    void close();

    static World of(Model model, int depthFrames) {
        return switch (model) {
            case CONTINUATION -> new ContinuationWorld(depthFrames);
            case PLATFORM, VIRTUAL, VIRTUAL_ONE_CARRIER -> new PingPongWorld(model.threads().orElseThrow(), depthFrames);
            case FUTURE, FUTURE_POOL, EVENT_LOOP, TASKS ->
                    throw new IllegalArgumentException("handover has no " + model + " variant: it does not suspend a stack");
        };
    }
}
