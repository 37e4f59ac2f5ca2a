package asyncbench.experiment;

/** The metric an experiment's report compares across models, and which way is better. */
public record Headline(String metric, boolean higherIsBetter) {
}
