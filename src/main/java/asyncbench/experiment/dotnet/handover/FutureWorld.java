package asyncbench.experiment.dotnet.handover;

import asyncbench.model.ModelRuntime;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Two CompletableFuture tasks hand a turn back and forth: each waits on a future of its own, and a
 * pass completes the other's. Each task sits at the bottom of {@code depthFrames} pending stages (the
 * callers' code after the call, waiting for the task to return), which a resumption does not touch:
 * only the callback on the awaited future runs. A completion is dispatched, never run inline on the
 * passing task's stack: to a queue that the batch's own thread drains (inline completer), or to the
 * model's pool.
 */
final class FutureWorld implements World {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final boolean ownThread;
    private final Executor dispatch;
    private final Player ping = new Player();
    private final Player pong = new Player();
    /** Completes when the tasks end; the stages above it stand for the frames they were called from. */
    private final CompletableFuture<Void> end = new CompletableFuture<>();
    private final CompletableFuture<Void> callers;
    private volatile CompletableFuture<Void> batchDone;
    private int left;
    private long resumes;

    /** A task's turn: the future it waits on, renewed at each resumption. */
    private static final class Player {
        CompletableFuture<Void> turn;
    }

    FutureWorld(ModelRuntime.Callback runtime, int depthFrames) {
        ownThread = runtime.runsInline();
        dispatch = ownThread ? queue::addLast : runtime.completer();
        CompletableFuture<Void> stage = end;
        for (int i = 0; i < depthFrames; i++) {
            stage = stage.thenApply(v -> v);
        }
        callers = stage;
        await(ping);
        await(pong);
    }

    private void await(Player p) {
        p.turn = new CompletableFuture<>();
        p.turn.thenRun(() -> resumed(p));
    }

    private void resumed(Player p) {
        resumes++;
        await(p);
        if (p == pong) {
            pass(ping);
        } else if (left-- == 0) {
            batchDone.complete(null);
        } else {
            pass(pong);
        }
    }

    private void pass(Player to) {
        CompletableFuture<Void> turn = to.turn;
        dispatch.execute(() -> turn.complete(null));
    }

    @Override
    public long batch() {
        long before = resumes;
        left = BATCH;
        CompletableFuture<Void> done = new CompletableFuture<>();
        batchDone = done;
        pass(ping);
        while (ownThread && !done.isDone()) {
            queue.pollFirst().run();
        }
        done.join();
        // ping's first resumption starts the batch, its last one ends it: 2 x BATCH in between
        return resumes - before - 1;
    }


    @Override
    public void close() {
        end.complete(null);
        callers.join();
    }
}
