package asyncbench.result;

/**
 * The system limit a cell hit: how many units (threads, waiters) it reached or could have had, -1 when
 * unknown; the limit's name; and why.
 */
public record LimitInfo(long reached, String limit, String detail) {
}
