package asyncbench.experiment.dotnet.stack;

import asyncbench.model.ModelRuntime;

/**
 * Many tasks suspended at the bottom of deep stacks, in one model: each task descends {@code depth}
 * frames, each frame holding twelve boxed ints and its level (the original's frame), or, lean, one int
 * and its level, and waits at the leaf on one shared gate. Released, every frame checks its values on
 * the way back up.
 */
public interface Stacks {
    /** Starts every task and returns once each is suspended at its leaf. */
    void suspendAll() throws Exception;

    /** Opens the gate, waits for every task to finish, and returns how many frames checked their values. */
    long resumeAll() throws Exception;

    static Stacks of(ModelRuntime runtime, int tasks, int depth) {
        return of(runtime, tasks, depth, false);
    }

    /** The stacks of {@code tasks} tasks of {@code depth} frames, each lean or the original's. */
    static Stacks of(ModelRuntime runtime, int tasks, int depth, boolean lean) {
        return switch (runtime) {
            case ModelRuntime.Threads t -> new ThreadStacks(t, tasks, depth, lean);
            case ModelRuntime.Continuations c -> new ContinuationStacks(c, tasks, depth, lean);
            case ModelRuntime.Callback c -> new FutureStacks(tasks, depth, lean);
            case ModelRuntime.Coroutines c -> new CoroutineStacks(c.runtime(), tasks, depth, lean);
            case ModelRuntime.EventLoop e -> throw new IllegalArgumentException("no suspended stacks in the " + e.style() + " style");
            case ModelRuntime.TaskExecutor e -> throw new IllegalArgumentException("no suspended stacks in the " + e.style() + " style");
        };
    }

    /** What a plain frame waits on at the leaf. */
    interface Leaf {
        void await() throws Exception;
    }

    /** The original's recursive method as plain calls: twelve boxes and the level live across the call below. */
    static long frame(int level, Leaf leaf) throws Exception {
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
            leaf.await();
            return 0;
        }
        long below = frame(level - 1, leaf);
        return below + Box.check(level, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12);
    }

    /** A lean frame as plain calls: one int and the level live across the call below. */
    static long leanFrame(int level, Leaf leaf) throws Exception {
        int mine = Box.lean(level);
        if (level == 0) {
            leaf.await();
            return 0;
        }
        long below = leanFrame(level - 1, leaf);
        return below + Box.checkLean(level, mine);
    }

    /** The frames of a plain-code task: the original's or lean ones. */
    static long frames(int depth, boolean lean, Leaf leaf) throws Exception {
        return lean ? leanFrame(depth, leaf) : frame(depth, leaf);
    }
}
