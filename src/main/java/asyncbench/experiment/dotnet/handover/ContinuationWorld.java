package asyncbench.experiment.dotnet.handover;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Two bare continuations, each yielding at the bottom of its stack, run in turn by one thread: a round
 * trip is two freezes (yields) and two thaws (runs), and no scheduler.
 */
final class ContinuationWorld implements World {
    private static final ContinuationScope SCOPE = new ContinuationScope("handover");
    private final Continuation ping;
    private final Continuation pong;
    private long resumes;

    ContinuationWorld(int depthFrames) {
        ping = start(depthFrames);
        pong = start(depthFrames);
    }

    private Continuation start(int depthFrames) {
        Continuation c = new Continuation(SCOPE, () -> Stack.descend(depthFrames, () -> {
            while (true) {
                if (!Continuation.yield(SCOPE)) {
                    throw new IllegalStateException("pinned: the continuation cannot yield");
                }
                resumes++;
            }
        }));
        c.run();
        return c;
    }

    @Override
    public long batch() {
        long before = resumes;
        for (int i = 0; i < BATCH; i++) {
            ping.run();
            pong.run();
        }
        return resumes - before;
    }


    @Override
    public void close() {
        // a suspended continuation is only memory; dropping it ends it
    }
}
