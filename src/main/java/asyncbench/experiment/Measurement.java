package asyncbench.experiment;

import java.time.Duration;

/**
 * How a cell measures: warm-up windows that are thrown away, then measured windows whose
 * scores make the mean and its error.
 */
public record Measurement(int warmupIterations, int iterations, Duration iteration) {
    public Measurement {
        if (warmupIterations < 0) {
            throw new IllegalArgumentException("warmupIterations must be >= 0, was " + warmupIterations);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
        if (iteration.isNegative() || iteration.isZero()) {
            throw new IllegalArgumentException("iteration must be positive, was " + iteration);
        }
    }
}
