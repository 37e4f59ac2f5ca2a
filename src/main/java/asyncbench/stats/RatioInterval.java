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
    /**
     * The JVMs more on each side that would decide a contrast at the spread seen so far, and what they cost.
     *
     * @param baselineFirst whether the next JVM goes to the baseline (else to the model)
     */
    public record Allocation(int baseline, int model, double seconds, boolean baselineFirst) {
    }

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
        // Welch-Satterthwaite; where it cannot be computed (an error too large to square), the smaller side's
        return t(Double.isFinite(df) ? df : Math.min(a.degreesOfFreedom(), b.degreesOfFreedom())) * se;
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
     * The cheapest way to decide, in seconds: one JVM at a time to the side whose next JVM narrows the
     * interval most per second of its own (a side with a wide spread or cheap JVMs gets more: the
     * allocation proportional to spread over the square root of cost, reached one JVM at a time); a side
     * that is not {@code open} gets none, and no side more than {@link #MAX_FORKS}. Empty when that never
     * decides.
     */
    public static java.util.Optional<Allocation> cheapest(Estimate baseline, double baselineSeconds, boolean baselineOpen,
            Estimate model, double modelSeconds, boolean modelOpen, boolean higherIsBetter) {
        Estimate a = baseline;
        Estimate b = model;
        int moreA = 0;
        int moreB = 0;
        double seconds = 0;
        Boolean first = null;
        while (!of(a, b, higherIsBetter).verdict().decided()) {
            double now = halfWidth(a, b);
            boolean canA = baselineOpen && a.replicates() < MAX_FORKS;
            boolean canB = modelOpen && b.replicates() < MAX_FORKS;
            if (!canA && !canB) {
                return java.util.Optional.empty();
            }
            double gainA = canA ? (now - halfWidth(a.scaledTo(a.replicates() + 1), b)) / baselineSeconds : -1;
            double gainB = canB ? (now - halfWidth(a, b.scaledTo(b.replicates() + 1))) / modelSeconds : -1;
            boolean toA = gainA > gainB || (gainA == gainB && a.replicates() <= b.replicates());
            if (first == null) {
                first = toA;
            }
            if (toA) {
                a = a.scaledTo(a.replicates() + 1);
                moreA++;
                seconds += baselineSeconds;
            } else {
                b = b.scaledTo(b.replicates() + 1);
                moreB++;
                seconds += modelSeconds;
            }
        }
        return first == null ? java.util.Optional.empty() : java.util.Optional.of(new Allocation(moreA, moreB, seconds, first));
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
