package asyncbench.experiment;

/**
 * The metric an experiment's report compares across models, which way is better, and whether
 * differences add up (a time per request: then the report also shows each model's overhead over
 * the first model).
 */
public record Headline(String metric, boolean higherIsBetter, boolean additive) {
    public Headline(String metric, boolean higherIsBetter) {
        this(metric, higherIsBetter, false);
    }
}
