package asyncbench.report;

import asyncbench.result.Point;
import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import asyncbench.stats.Decision;
import java.util.Map;
import java.util.Optional;

/**
 * One model against another over an experiment's grid: per cell the ratio (above 100: the first is
 * better, whichever way the headline metric points) and its verdict ({@link Decision}): a side is
 * better where the 95% interval on the ratio excludes 1, or where the other reached a limit; the same
 * where the interval lies inside [0.9, 1.1]; undecided otherwise.
 */
final class Contrast {
    enum Side {
        /** FIRST, SECOND: that side is better (its interval, or a limit of the other); SAME: within 10%; TIE: undecided. */
        FIRST, SECOND, SAME, TIE, ONLY_FIRST, ONLY_SECOND, NEITHER
    }

    final ExperimentResults results;
    final Comparison pair;
    final double[][] ratio;
    final Side[][] side;
    final String[][] note;

    Contrast(ExperimentResults results, Comparison pair) {
        this.results = results;
        this.pair = pair;
        int rows = Math.max(1, results.rows.size());
        int cols = results.columns.size();
        ratio = new double[rows][cols];
        side = new Side[rows][cols];
        note = new String[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Object row = results.rows.isEmpty() ? 0L : results.rows.get(r);
                Point column = results.columns.get(c);
                Optional<CellResult> a = results.cell(pair.first(), row, column);
                Optional<CellResult> b = results.cell(pair.second(), row, column);
                Optional<Metric> ma = a.flatMap(results::headlineOf);
                Optional<Metric> mb = b.flatMap(results::headlineOf);
                ratio[r][c] = Double.NaN;
                if (ma.isPresent() && mb.isPresent()) {
                    ratio[r][c] = better(ma.get().value(), mb.get().value());
                    Decision d = Decision.of(results.experiment, Map.of(), results.headline.metric(),
                            results.headline.higherIsBetter(), b, a);
                    side[r][c] = switch (d.verdict()) {
                        case BETTER -> Side.FIRST;
                        case WORSE -> Side.SECOND;
                        case SAME -> Side.SAME;
                        default -> Side.TIE;
                    };
                    note[r][c] = Units.times(ratio[r][c]);
                } else if (ma.isPresent()) {
                    side[r][c] = b.filter(Decision::limited).isPresent() ? Side.FIRST : Side.ONLY_FIRST;
                    note[r][c] = status(b);
                } else if (mb.isPresent()) {
                    side[r][c] = a.filter(Decision::limited).isPresent() ? Side.SECOND : Side.ONLY_SECOND;
                    note[r][c] = status(a);
                } else {
                    side[r][c] = Side.NEITHER;
                    note[r][c] = a.isEmpty() && b.isEmpty() ? "" : status(a.isPresent() ? a : b);
                }
            }
        }
    }

    private double better(double a, double b) {
        return results.headline.higherIsBetter() ? a / b * 100 : b / a * 100;
    }

    private static String status(Optional<CellResult> c) {
        return c.map(CellResult::status).map(Status::id).orElse("missing");
    }

    String title() {
        String metric = results.headline.metric();
        return results.experiment + ": " + pair.first() + " vs " + pair.second() + ", "
                + (results.headline.higherIsBetter()
                        ? pair.first() + " " + metric + " / " + pair.second() + " " + metric
                        : pair.second() + " " + metric + " / " + pair.first() + " " + metric)
                + " (above x1: " + pair.first() + " better)";
    }

    /** The plain verdict: who wins where, counted by cells, and from which row on the lead holds. */
    String verdict() {
        int[] counts = new int[Side.values().length];
        int total = 0;
        for (Side[] row : side) {
            for (Side s : row) {
                counts[s.ordinal()]++;
                total++;
            }
        }
        String a = pair.first();
        String b = pair.second();
        StringBuilder v = new StringBuilder();
        v.append(a).append(" vs ").append(b).append(" (").append(results.headline.metric()).append(", ")
                .append(results.headline.higherIsBetter() ? "higher" : "lower").append(" is better): ")
                .append(a).append(" better in ").append(counts[Side.FIRST.ordinal()]).append(", ")
                .append(b).append(" better in ").append(counts[Side.SECOND.ordinal()]).append(", the same within 10% in ")
                .append(counts[Side.SAME.ordinal()]).append(", undecided in ").append(counts[Side.TIE.ordinal()])
                .append(" of ").append(total).append(" cells (a side is better where the 95% interval on the ratio excludes 1, "
                        + "or where the other reached a limit)");
        if (counts[Side.ONLY_FIRST.ordinal()] > 0) {
            v.append("; only ").append(a).append(" ran in ").append(counts[Side.ONLY_FIRST.ordinal()]);
        }
        if (counts[Side.ONLY_SECOND.ordinal()] > 0) {
            v.append("; only ").append(b).append(" ran in ").append(counts[Side.ONLY_SECOND.ordinal()]);
        }
        v.append('.');
        if (results.rows.size() > 1) {
            fromRowOn(Side.FIRST).ifPresentOrElse(
                    r -> v.append(' ').append(lead(a, r)),
                    () -> fromRowOn(Side.SECOND).ifPresent(r -> v.append(' ').append(lead(b, r))));
        }
        return v.toString();
    }

    private String lead(String model, int row) {
        String across = results.columns.size() > 1 ? " at every " + results.varyingColumnParams() + " value" : "";
        if (row == 0) {
            return model + " is better in every " + results.rowParam() + " row measured" + across + ".";
        }
        return "On this machine " + model + " is better from " + results.rowParam() + "="
                + results.rowValue(results.rows.get(row)) + " on" + across + ".";
    }

    /**
     * The first row from which every cell to the end where both models measured is on {@code winner}'s
     * side; a cell that one model did not measure counts for no one, and a row of such cells neither
     * starts nor breaks a lead.
     */
    private Optional<Integer> fromRowOn(Side winner) {
        Integer from = null;
        for (int r = side.length - 1; r >= 0; r--) {
            boolean all = true;
            boolean any = false;
            for (Side s : side[r]) {
                if (s == Side.FIRST || s == Side.SECOND || s == Side.SAME || s == Side.TIE) {
                    all &= s == winner;
                    any = true;
                }
            }
            if (!all) {
                break;
            }
            if (any) {
                from = r;
            }
        }
        return Optional.ofNullable(from);
    }
}
