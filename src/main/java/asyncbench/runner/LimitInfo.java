package asyncbench.runner;

/** The system limit a cell hit: how many units it reached or could have, the limit's name, and why. */
public record LimitInfo(long reached, String limit, String detail) {
}
