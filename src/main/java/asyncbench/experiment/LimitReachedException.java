package asyncbench.experiment;

/**
 * A system limit stopped the cell: a result to report (how far it got and which limit bit), not a crash.
 */
public final class LimitReachedException extends Exception {
    private final long reached;
    private final String limit;

    /**
     * @param reached how many of the requested units (threads, waiters) exist or would fit
     * @param limit   the limit that bit, e.g. {@code kernel.pid_max}
     * @param detail  a sentence with the figures behind it
     */
    public LimitReachedException(long reached, String limit, String detail) {
        super(detail);
        this.reached = reached;
        this.limit = limit;
    }

    public long reached() {
        return reached;
    }

    public String limit() {
        return limit;
    }
}
