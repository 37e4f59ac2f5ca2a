package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.loop.Tally;

/**
 * One configuration of the original's recursive async method: the top frame calls down through
 * {@code depth - 1} middle frames to a leaf (frame 0); the leaf awaits {@code yields} yields, then
 * returns {@link #RESULT} or throws a new {@link LeafException}. Every {@code finallyRate}-th frame
 * wraps its call in a try/finally. Each middle frame keeps three values alive across its call (two
 * ints and a double) and adds them to a sink afterwards: in its finally block, and after the call when
 * it returns normally.
 *
 * <p>{@code rethrowing}: every middle frame observes a failure of its call and rethrows it, counting
 * it, as a C# {@code await} rethrows in each awaiting frame (a future's stage handles the failure and
 * throws it again; plain and suspend code catch and rethrow). Otherwise a failure goes up as each
 * model passes it by itself: plain code unwinds the stack, a suspend function's state machine
 * rethrows it in each resumed frame, a future carries it as a value through stages that skip. A leaf
 * that returns has nothing to rethrow: its frames are the same either way, with no handler.
 */
public record Shape(int depth, int yields, int finallyRate, boolean throwing, boolean rethrowing) {
    /** What the leaf returns, as in the original. */
    public static final long RESULT = 8375983;

    public Shape {
        if (depth < 1 || yields < 0 || finallyRate < 1) {
            throw new IllegalArgumentException("depth >= 1, yields >= 0, finallyRate >= 1: " + depth + ", " + yields + ", " + finallyRate);
        }
    }

    /** A shape whose failures every frame rethrows. */
    public Shape(int depth, int yields, int finallyRate, boolean throwing) {
        this(depth, yields, finallyRate, throwing, true);
    }

    /** The failures every iteration's frames observe and rethrow: one per middle frame when rethrowing a throw. */
    public long rethrowsPerIteration() {
        return throwing && rethrowing ? depth - 1 : 0;
    }

    /** Counts a failure a middle frame observed, and gives it back to be rethrown. */
    public static <E extends Throwable> E rethrown(Tally tally, E failure) {
        tally.rethrown++;
        return failure;
    }

    /** The first live value of the frame at {@code level}. */
    public int live1(int level) {
        return level * 3 + yields;
    }

    /** What the frame at {@code level} adds to the sink, from its three live values. */
    public static long sinkValue(int live1, int live2, double live3, int level) {
        return (long) live1 + live2 + (int) (1 / live3) + level; // in long: 1 / 0.0 is Integer.MAX_VALUE
    }

    /** Whether the frame at {@code level} wraps its call in a try/finally. */
    public boolean hasFinally(int level) {
        return level % finallyRate == 0;
    }

    /** Ends one iteration of {@code tally}: the leaf returned {@code result}, which must be the original's. */
    public static void returned(Tally tally, long result) {
        if (result != RESULT) {
            throw new IllegalStateException("the chain returned " + result + ", not " + RESULT);
        }
        tally.returned++;
        tally.next();
    }

    /** Ends one iteration of {@code tally}: the leaf's exception reached the top; anything else fails the loop. */
    public static void caught(Tally tally, Throwable e) {
        if (!(e instanceof LeafException)) {
            throw new IllegalStateException("the chain failed with " + e, e);
        }
        tally.caught++;
        tally.next();
    }

    /** The sum every iteration adds to the sink, whatever runs it: the proof that every frame ran its code with its values intact. */
    public long sinkPerIteration() {
        long sum = 0;
        for (int level = 1; level < depth; level++) {
            int writes = (throwing ? 0 : 1) + (hasFinally(level) ? 1 : 0);
            sum += writes * sinkValue(live1(level), level, yields, level);
        }
        return sum;
    }
}
