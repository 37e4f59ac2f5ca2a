package asyncbench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * An interval on the ratio of two estimates, oriented so that above 1 favours the model over the
 * baseline: model / baseline where higher is better, baseline / model where lower is better.
 *
 * <p>The interval is built on the logarithm of the ratio (the delta method): the standard error of
 * {@code ln(b / a)} is {@code sqrt((se_a / a)^2 + (se_b / b)^2)}, with Welch-Satterthwaite degrees of
 * freedom from each side's own, and Student's t at {@link #CONFIDENCE}. See docs/statistics.md.
 */
public record RatioInterval(double ratio, double lower, double upper) {
    /** The confidence of every interval the lab reports on a ratio. */
    public static final double CONFIDENCE = 0.95;
    /** "The same within 10%": the interval lies wholly inside [SAME_LOW, SAME_HIGH]. */
    public static final double SAME_LOW = 0.9;
    public static final double SAME_HIGH = 1.1;
    /** Forks a cell may have at most; the estimate of forks needed stops here. */
    public static final int MAX_FORKS = 20;

    /** The interval for {@code model} against {@code baseline}; both must have an error and be above zero. */
    public static RatioInterval of(Estimate baseline, Estimate model, boolean higherIsBetter) {
        double logRatio = higherIsBetter ? Math.log(model.value() / baseline.value())
                : Math.log(baseline.value() / model.value());
        double half = halfWidth(baseline, model);
        return new RatioInterval(Math.exp(logRatio), Math.exp(logRatio - half), Math.exp(logRatio + half));
    }

    /** Half the width of the interval on the log ratio. */
    static double halfWidth(Estimate a, Estimate b) {
        double va = Math.pow(a.relativeError(), 2);
        double vb = Math.pow(b.relativeError(), 2);
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return 0;
        }
        double df = Math.pow(va + vb, 2) / (va * va / a.degreesOfFreedom() + vb * vb / b.degreesOfFreedom());
        return t(df) * se;
    }

    private static double t(double degreesOfFreedom) {
        return new TDistribution(Math.max(1, degreesOfFreedom)).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    /**
     * The verdict this interval gives: the same where it lies wholly inside [0.9, 1.1] (even where it also
     * excludes 1: a difference below 10% is not called a win), else better or worse where it excludes 1.
     */
    public Verdict verdict() {
        if (lower >= SAME_LOW && upper <= SAME_HIGH) {
            return Verdict.SAME;
        }
        if (lower > 1) {
            return Verdict.BETTER;
        }
        if (upper < 1) {
            return Verdict.WORSE;
        }
        return Verdict.UNDECIDED;
    }

    /**
     * How many JVMs each side would need, at the spread seen so far, for the interval to decide (exclude 1,
     * or fit inside [0.9, 1.1]); empty when even {@link #MAX_FORKS} would not do.
     */
    public static java.util.OptionalInt forksNeeded(Estimate baseline, Estimate model, boolean higherIsBetter) {
        int from = Math.max(2, Math.min(baseline.replicates(), model.replicates()));
        for (int n = from; n <= MAX_FORKS; n++) {
            Estimate a = baseline.scaledTo(Math.max(n, baseline.replicates()));
            Estimate b = model.scaledTo(Math.max(n, model.replicates()));
            if (of(a, b, higherIsBetter).verdict().decided()) {
                return java.util.OptionalInt.of(n);
            }
        }
        return java.util.OptionalInt.empty();
    }
}
