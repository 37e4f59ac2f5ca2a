package asyncbench.experiment.dotnet.stack;

/** What the leaf throws when the shape says so: a new exception each time, with its stack trace, as the original's {@code new Exception()}. */
public final class LeafException extends Exception {
    private static final long serialVersionUID = 1L;
}
