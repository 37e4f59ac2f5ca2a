package asyncbench.experiment;

/**
 * A total that grows with a parameter, such as the memory of N waiters: the report fits a
 * least-squares line of {@code metric} against {@code param} per model, over every point and fork,
 * and gives its slope (the cost of one more unit) and intercept (the fixed cost), each with its error.
 *
 * @param perUnit what the slope is, for people, e.g. "bytes per waiter"
 */
public record Growth(String param, String metric, String perUnit) {
}
