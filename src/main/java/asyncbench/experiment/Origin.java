package asyncbench.experiment;

/**
 * Where an experiment comes from, for the report: what it reproduces and the published figure its
 * results are set beside (from another machine and runtime: a shape to compare, not a number to divide).
 *
 * @param reproduces the original experiment, its code and what it measured
 * @param published the original's figure, or why there is none to compare with
 */
public record Origin(String reproduces, String published) {
}
