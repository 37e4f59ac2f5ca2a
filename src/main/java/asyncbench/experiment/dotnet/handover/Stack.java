package asyncbench.experiment.dotnet.handover;

/** Runs code at the bottom of a stack of real frames, so that suspending it has a stack to capture. */
final class Stack {
    private Stack() {
    }

    /** Calls {@code bottom} {@code depthFrames} frames below the caller. */
    static long descend(int depthFrames, Runnable bottom) {
        if (depthFrames <= 1) {
            bottom.run();
            return 1;
        }
        // the addition after the call keeps every frame alive
        return descend(depthFrames - 1, bottom) + depthFrames;
    }
}
