package asyncbench.experiment;

import asyncbench.os.ThreadBudget;

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

    /** Throws unless {@code threads} more platform threads fit now under the kernel's limits. */
    public static void requireThreads(long threads) throws LimitReachedException {
        ThreadBudget budget = ThreadBudget.now();
        if (threads > budget.available()) {
            throw new LimitReachedException(budget.available(), budget.limit(),
                    threads + " platform threads requested but only " + budget.available() + " fit: " + budget.detail());
        }
    }

    public long reached() {
        return reached;
    }

    public String limit() {
        return limit;
    }
}
