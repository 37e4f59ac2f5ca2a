package asyncbench.experiment;

/** The counters of a cell disagree: some work was lost or done twice, so its figures mean nothing. */
public final class WorkMismatchException extends Exception {
    public WorkMismatchException(String message) {
        super(message);
    }

    /** Throws unless {@code expected == actual}, naming both counters. */
    public static void requireEqual(String expectedName, long expected, String actualName, long actual)
            throws WorkMismatchException {
        if (expected != actual) {
            throw new WorkMismatchException(expectedName + "=" + expected + " but " + actualName + "=" + actual);
        }
    }
}
