package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.loop.Tally;

/**
 * One configuration of the original's recursive async method: the top frame calls down through
 * {@code depth - 1} middle frames to a leaf (frame 0); the leaf awaits {@code yields} yields, then
 * returns {@link #RESULT} or throws a new {@link LeafException}. Every {@code finallyRate}-th frame
 * wraps its call in a try/finally. Each middle frame keeps three values alive across its call (two
 * ints and a double) and adds them to a sink afterwards: in its finally block, and after the call when
 * it returns normally.
 */
public record Shape(int depth, int yields, int finallyRate, boolean throwing) {
    /** What the leaf returns, as in the original. */
    public static final long RESULT = 8375983;

    public Shape {
        if (depth < 1 || yields < 0 || finallyRate < 1) {
            throw new IllegalArgumentException("depth >= 1, yields >= 0, finallyRate >= 1: " + depth + ", " + yields + ", " + finallyRate);
        }
    }

    /** The first live value of the frame at {@code level}. */
    public int live1(int level) {
        return level * 3 + yields;
    }

    /** What the frame at {@code level} adds to the sink, from its three live values. */
    public static long sinkValue(int live1, int live2, double live3, int level) {
        return live1 + live2 + (int) (1 / live3) + level;
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
