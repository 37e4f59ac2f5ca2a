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
}
