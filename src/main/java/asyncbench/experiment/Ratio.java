package asyncbench.experiment;

/**
 * Two values of one named-choice parameter whose headline figures the report divides, per model and
 * point: {@code numerator / denominator} (throw / return). The error of the ratio combines the two
 * relative half-widths as the root of their squares (independent means).
 */
public record Ratio(String param, String numerator, String denominator) {
    public String title() {
        return numerator + " / " + denominator;
    }
}
