package asyncbench.experiment.dotnet.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * CompletableFuture chains: each frame is a stage whose lambda holds its twelve boxes (or, lean, its one int) and level, and
 * the leaf is the shared gate itself, as the original's {@code return await cTask}. Opening the gate
 * runs every chain inline.
 */
final class FutureStacks implements Stacks {
    private final int tasks;
    private final int depth;
    private final boolean lean;
    private final CompletableFuture<Long> gate = new CompletableFuture<>();
    private final List<CompletableFuture<Long>> suspended = new ArrayList<>();

    FutureStacks(int tasks, int depth, boolean lean) {
        this.tasks = tasks;
        this.depth = depth;
        this.lean = lean;
    }

    @Override
    public void suspendAll() {
        for (int i = 0; i < tasks; i++) {
            CompletableFuture<Long> task = lean ? leanFrame(depth) : frame(depth);
            if (task.isDone()) {
                throw new IllegalStateException("a task finished before the gate opened");
            }
            suspended.add(task);
        }
    }

    private CompletableFuture<Long> frame(int level) {
        Box o1 = new Box(level);
        Box o2 = new Box(level);
        Box o3 = new Box(level);
        Box o4 = new Box(level);
        Box o5 = new Box(level);
        Box o6 = new Box(level);
        Box o7 = new Box(level);
        Box o8 = new Box(level);
        Box o9 = new Box(level);
        Box o10 = new Box(level);
        Box o11 = new Box(level);
        Box o12 = new Box(level);
        if (level == 0) {
            return gate;
        }
        return frame(level - 1).thenApply(below -> below + Box.check(level, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12));
    }

    /** A lean frame: a stage whose lambda holds one int and its level. */
    private CompletableFuture<Long> leanFrame(int level) {
        int mine = Box.lean(level);
        if (level == 0) {
            return gate;
        }
        return leanFrame(level - 1).thenApply(below -> below + Box.checkLean(level, mine));
    }

    @Override
    public long resumeAll() {
        gate.complete(0L);
        long checked = 0;
        for (CompletableFuture<Long> task : suspended) {
            checked += task.join();
        }
        return checked;
    }
}
