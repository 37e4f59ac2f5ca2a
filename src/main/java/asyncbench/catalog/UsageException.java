package asyncbench.catalog;

/** A user's mistake on the command line: one readable sentence that names the valid values. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
