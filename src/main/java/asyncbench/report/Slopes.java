package asyncbench.report;

import asyncbench.experiment.Growth;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import asyncbench.stats.Estimate;
import asyncbench.stats.RatioInterval;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Least-squares lines of a growing total against its parameter, one per model, fitted by
 * commons-math over every fork of every measured point: the slope with its 95% half-width, the
 * intercept (fixed cost) with its own. A line needs three points; with fewer its errors are unknown.
 * Two models' slopes are compared by an interval on their ratio ({@link RatioInterval}, each slope's
 * standard error with n - 2 degrees of freedom).
 */
final class Slopes {
    private static final double ALPHA = 1 - RatioInterval.CONFIDENCE;

    /** One model's line. Errors are null when there are too few points to have one. */
    record Line(String model, int points, double slope, Double slopeError, double intercept, Double interceptError,
            double rSquared, String unit, double slopeStdErr) {

        /** The slope as the statistics see it. */
        Estimate estimate() {
            return new Estimate(slope, slopeStdErr, points - 2, points);
        }
    }

    private Slopes() {
    }

    static List<Line> fit(ExperimentResults r, Growth growth) {
        List<Line> lines = new ArrayList<>();
        for (String model : r.models) {
            SimpleRegression regression = new SimpleRegression();
            String unit = "";
            for (CellResult c : r.cells) {
                Optional<Metric> m = c.metric(growth.metric());
                if (!c.model().equals(model) || c.status() != Status.OK || m.isEmpty()) {
                    continue;
                }
                unit = m.get().unit();
                double x = c.params().count(growth.param());
                for (double y : m.get().forks() != null ? m.get().forks() : List.of(m.get().value())) {
                    regression.addData(x, y);
                }
            }
            int n = (int) regression.getN();
            if (n < 2) {
                continue;
            }
            Double slopeError = null;
            Double interceptError = null;
            if (n > 2) {
                slopeError = regression.getSlopeConfidenceInterval(ALPHA);
                double t = new TDistribution(n - 2).inverseCumulativeProbability(1 - ALPHA / 2);
                interceptError = t * regression.getInterceptStdErr();
            }
            lines.add(new Line(model, n, regression.getSlope(), slopeError, regression.getIntercept(), interceptError,
                    regression.getRSquare(), unit, n > 2 ? regression.getSlopeStdErr() : Double.NaN));
        }
        return lines;
    }

    /** The lines as a Markdown table. */
    static String table(List<Line> lines, Growth growth) {
        StringBuilder md = new StringBuilder("| model | ").append(growth.perUnit())
                .append(" (slope) | fixed cost (intercept) | points | R² |\n|---|---|---|---|---|\n");
        for (Line l : lines) {
            md.append("| ").append(l.model()).append(" | ").append(bytes(l.slope(), l.slopeError()))
                    .append(" | ").append(bytes(l.intercept(), l.interceptError())).append(" | ").append(l.points())
                    .append(" | ").append(String.format(java.util.Locale.ROOT, "%.4f", l.rSquared())).append(" |\n");
        }
        return md.toString();
    }

    private static String bytes(double v, Double error) {
        String s = Units.bytes(v);
        return error == null ? s + " ± ?" : s + " ± " + Units.bytes(error);
    }

    /**
     * A sentence per model against the first: the ratio of the slopes (above x1: the model grows less)
     * with its 95% interval, and the verdict it gives.
     */
    static List<String> verdicts(List<Line> lines, Growth growth) {
        List<String> out = new ArrayList<>();
        if (lines.isEmpty()) {
            return out;
        }
        Line base = lines.getFirst();
        for (Line l : lines.subList(1, lines.size())) {
            String head = growth.perUnit() + " (slope): " + l.model() + " " + Units.bytes(l.slope()) + " vs "
                    + base.model() + " " + Units.bytes(base.slope());
            if (l.slopeError() == null || base.slopeError() == null) {
                out.add(head + ": too few points for an error (a line needs three), undecided.");
            } else if (!(l.slope() > 0 && base.slope() > 0)) {
                out.add(head + ": a slope is not above zero, no ratio, undecided.");
            } else {
                RatioInterval r = RatioInterval.of(base.estimate(), l.estimate(), false);
                String figure = String.format(java.util.Locale.ROOT, "x%.3g [%.3g, %.3g]", r.ratio(), r.lower(), r.upper());
                out.add(head + ": " + switch (r.verdict()) {
                    case BETTER -> l.model() + " grows less, " + figure;
                    case WORSE -> base.model() + " grows less, " + figure;
                    case SAME -> "the same within 10%, " + figure;
                    default -> "undecided, " + figure;
                } + ".");
            }
        }
        return out;
    }
}
