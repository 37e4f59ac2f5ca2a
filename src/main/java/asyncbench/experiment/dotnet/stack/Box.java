package asyncbench.experiment.dotnet.stack;

/** A boxed int that a frame keeps alive across its suspension, as the original's {@code object o1 = n}. */
public record Box(int value) {
    /** Checks a resumed frame's twelve boxes against its level: 1, the frame counted, or the cell fails. */
    public static long check(int level, Box o1, Box o2, Box o3, Box o4, Box o5, Box o6, Box o7, Box o8, Box o9,
            Box o10, Box o11, Box o12) {
        if (o1.value != level || o2.value != level || o3.value != level || o4.value != level || o5.value != level
                || o6.value != level || o7.value != level || o8.value != level || o9.value != level
                || o10.value != level || o11.value != level || o12.value != level) {
            throw new IllegalStateException("a frame at level " + level + " resumed with corrupted values");
        }
        return 1;
    }

    /** The int a lean frame at {@code level} keeps across its suspension. */
    public static int lean(int level) {
        return level * 0x9E3779B9 + 1;
    }

    /** Checks a resumed lean frame's int against its level: 1, the frame counted, or the cell fails. */
    public static long checkLean(int level, int kept) {
        if (kept != lean(level)) {
            throw new IllegalStateException("a lean frame at level " + level + " resumed with a corrupted value");
        }
        return 1;
    }
}
