package asyncbench.experiment;

/**
 * CPU work of a fixed amount: rounds of xorshift arithmetic, with how many rounds this machine makes
 * in a millisecond on one thread measured once per JVM, so that "20 ms of work" is the same work in
 * every model of a cell, however the kernel or a scheduler interleaves it.
 */
public final class Spin {
    /** xorshift steps in one round. */
    private static final int STEPS = 256;
    private static final long CALIBRATION_NANOS = 50_000_000;
    private static long roundsPerMilli;

    private Spin() {
    }

    /** Rounds this machine makes in a millisecond on one thread, measured the first time it is asked. */
    public static synchronized long roundsPerMilli() {
        if (roundsPerMilli == 0) {
            long rounds = 0;
            long x = 1;
            long start = System.nanoTime();
            while (System.nanoTime() - start < CALIBRATION_NANOS) {
                x = rounds(x, 64);
                rounds += 64;
            }
            roundsPerMilli = Math.max(1, rounds * 1_000_000 / (System.nanoTime() - start) + (x == 0 ? 1 : 0));
        }
        return roundsPerMilli;
    }

    /** The rounds that take {@code nanos} on this machine; at least one when {@code nanos} is above zero. */
    public static long roundsFor(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, nanos * roundsPerMilli() / 1_000_000);
    }

    /** Runs {@code n} rounds from {@code x} and returns the result, which the caller must use. */
    public static long rounds(long x, long n) {
        for (long r = 0; r < n; r++) {
            for (int i = 0; i < STEPS; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        return x;
    }
}
