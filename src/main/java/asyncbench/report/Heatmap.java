package asyncbench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Draws a {@link Contrast} as a heatmap: rows are the first parameter, columns the others, each cell
 * the ratio (x3.1, or 1/5 when below one); green where the first model is better, red where the second is, white at x1.
 * The colour scale is logarithmic and saturates at 4x either way. Rows and columns where neither model
 * has a cell are left out; a column parameter with one value in every column shown is stated once in
 * the subtitle, not in every label; columns that do not fit in 1,200 pixels wrap into further bands.
 */
final class Heatmap {
    /** The narrowest cell; a cell is wider when its column's label needs it. */
    private static final double CELL_W = 74;
    /** About the width of one character at the labels' size, 12 px. */
    private static final double CHAR_W = 7.5;
    private static final double CELL_H = 30;
    private static final double LEFT = 110;
    private static final double TOP = 86;
    private static final double BOTTOM = 74;
    private static final Color GREEN = new Color(0x1a9850);
    private static final Color RED = new Color(0xd73027);
    private static final Color MISSING = new Color(0xc8c8c8);
    private static final Color NEUTRAL = new Color(0xececec);
    private static final Color INK = new Color(0x222222);

    /** The widest a picture may be: a report page of 1,200 pixels. */
    static final double MAX_W = 1200;
    /** Room above each further band of columns for its labels. */
    private static final double BAND_GAP = 34;

    private final Contrast contrast;
    /** The rows and columns where at least one of the two models has a cell. */
    private final List<Integer> rows;
    private final List<Integer> columns;
    /** Each column's label: the values of the column parameters that vary among the columns shown. */
    private final List<String> labels;
    /** The column parameters that take one value in every column shown: "cpus=all, loop=selector". */
    private final String fixed;
    /** The column parameters that vary among the columns shown, the heading above the labels. */
    private final String varyingNames;

    Heatmap(Contrast contrast) {
        this.contrast = contrast;
        ExperimentResults r = contrast.results;
        List<Integer> rs = new java.util.ArrayList<>();
        List<Integer> cs = new java.util.ArrayList<>();
        for (int row = 0; row < contrast.ratio.length; row++) {
            if (anyCell(row, -1)) {
                rs.add(row);
            }
        }
        for (int c = 0; c < r.columns.size(); c++) {
            if (anyCell(-1, c)) {
                cs.add(c);
            }
        }
        this.rows = rs.isEmpty() ? java.util.stream.IntStream.range(0, contrast.ratio.length).boxed().toList() : List.copyOf(rs);
        this.columns = cs.isEmpty() ? java.util.stream.IntStream.range(0, r.columns.size()).boxed().toList() : List.copyOf(cs);
        java.util.Map<String, java.util.Set<Object>> values = new java.util.LinkedHashMap<>();
        for (int c : columns) {
            r.columns.get(c).values().forEach((name, v) -> values.computeIfAbsent(name, k -> new java.util.LinkedHashSet<>()).add(v));
        }
        List<String> varying = values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(java.util.Map.Entry::getKey).toList();
        this.fixed = values.entrySet().stream().filter(e -> e.getValue().size() == 1)
                .map(e -> e.getKey() + "=" + ExperimentResults.value(e.getValue().iterator().next()))
                .collect(java.util.stream.Collectors.joining(", "));
        this.labels = columns.stream().map(c -> varying.stream().map(name -> ExperimentResults.value(r.columns.get(c).values().get(name)))
                .collect(java.util.stream.Collectors.joining(", "))).toList();
        this.varyingNames = String.join(", ", varying);
    }

    /** Whether the row (all rows when -1) and column (all when -1) hold a cell of either model. */
    private boolean anyCell(int row, int column) {
        for (int r = 0; r < contrast.ratio.length; r++) {
            for (int c = 0; c < contrast.results.columns.size(); c++) {
                if ((row < 0 || r == row) && (column < 0 || c == column)
                        && !(contrast.side[r][c] == Contrast.Side.NEITHER && contrast.note[r][c].isEmpty())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Wide enough for the longest column label, so that labels never run into each other; at most one band's width. */
    double cellWidth() {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        return Math.min(MAX_W - LEFT - 20, Math.max(CELL_W, CHAR_W * longest + 12));
    }

    /** The longest column label, in characters. */
    int longestLabel() {
        return labels.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The column labels shown, in order. */
    List<String> labels() {
        return labels;
    }

    /** Columns in one band: as many as fit in {@link #MAX_W}. */
    int perBand() {
        return Math.max(1, (int) ((MAX_W - LEFT - 20) / cellWidth()));
    }

    int bands() {
        return Math.max(1, (columns.size() + perBand() - 1) / perBand());
    }

    double width() {
        return Math.min(MAX_W, Math.max(LEFT + cellWidth() * Math.min(columns.size(), perBand()) + 20, 720));
    }

    private double bandHeight() {
        return CELL_H * rows.size();
    }

    double height() {
        return TOP + bands() * bandHeight() + (bands() - 1) * BAND_GAP + BOTTOM;
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        ExperimentResults r = contrast.results;
        double cellW = cellWidth();
        rect(g, 0, 0, width(), height(), Color.WHITE);
        text(g, 10, 22, r.experiment + ": " + contrast.pair.first() + " vs " + contrast.pair.second(), 16,
                Anchor.START, INK, true);
        String subtitle = contrast.title().substring(contrast.title().indexOf(", ") + 2);
        text(g, 10, 42, fixed.isEmpty() ? subtitle : subtitle + "; at " + fixed, 11, Anchor.START, INK, false);
        text(g, LEFT + cellW * Math.min(columns.size(), perBand()) / 2, TOP - 26, varyingNames, 12, Anchor.MIDDLE, INK, true);
        text(g, LEFT - 8, TOP - 8, r.rowParam(), 12, Anchor.END, INK, true);
        for (int band = 0; band < bands(); band++) {
            double top = TOP + band * (bandHeight() + BAND_GAP);
            int from = band * perBand();
            int to = Math.min(columns.size(), from + perBand());
            for (int i = from; i < to; i++) {
                text(g, LEFT + cellW * (i - from + 0.5), top - 8, labels.get(i), 12, Anchor.MIDDLE, INK, false);
            }
            for (int k = 0; k < rows.size(); k++) {
                int row = rows.get(k);
                double y = top + CELL_H * k;
                String label = r.rows.isEmpty() ? "" : r.rowValue(r.rows.get(row));
                text(g, LEFT - 8, y + CELL_H / 2 + 4, label, 12, Anchor.END, INK, false);
                for (int i = from; i < to; i++) {
                    int c = columns.get(i);
                    double x = LEFT + cellW * (i - from);
                    double ratio = contrast.ratio[row][c];
                    Color fill = switch (contrast.side[row][c]) {
                        case ONLY_FIRST, ONLY_SECOND, NEITHER -> MISSING;
                        case TIE, SAME -> NEUTRAL;
                        case FIRST, SECOND -> Double.isNaN(ratio) ? MISSING : colour(ratio);
                    };
                    rect(g, x + 1, y + 1, cellW - 2, CELL_H - 2, fill);
                    String text = contrast.note[row][c] + switch (contrast.side[row][c]) {
                        case TIE -> " ?";
                        case SAME -> " =";
                        default -> "";
                    };
                    text(g, x + cellW / 2, y + CELL_H / 2 + 4, text, 12, Anchor.MIDDLE, INK, false);
                }
            }
        }
        double legendY = height() - BOTTOM + 22;
        double[] stops = {25, 50, 100, 200, 400};
        for (int i = 0; i < stops.length; i++) {
            double x = LEFT + 60 * i;
            rect(g, x, legendY - 12, 56, 16, colour(stops[i]));
            text(g, x + 28, legendY, Units.times(stops[i]), 11, Anchor.MIDDLE, INK, false);
        }
        text(g, LEFT + 60 * stops.length + 8, legendY, "ratio, log scale", 10,
                Anchor.START, INK, false);
        text(g, 10, legendY + 24,
                "grey, =: the same within 10%; grey, ?: undecided (95% interval on the ratio); limit, error...: one model did not measure the cell",
                10, Anchor.START, INK, false);
    }

    static Color colour(double ratio) {
        if (Double.isNaN(ratio) || ratio <= 0) {
            return MISSING;
        }
        double t = Math.max(-1, Math.min(1, Math.log(ratio / 100) / Math.log(4)));
        Color target = t >= 0 ? GREEN : RED;
        double k = Math.abs(t);
        return new Color(
                (int) Math.round(255 + (target.getRed() - 255) * k),
                (int) Math.round(255 + (target.getGreen() - 255) * k),
                (int) Math.round(255 + (target.getBlue() - 255) * k));
    }

    /** The heatmap as a picture named {@code base}. */
    Picture picture(String base) {
        return new Picture(base, contrast.title(), (int) Math.ceil(width()), (int) Math.ceil(height()), this::draw);
    }

    private enum Anchor { START, MIDDLE, END }

    private static void rect(Graphics2D g, double x, double y, double w, double h, Color fill) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    private static void text(Graphics2D g, double x, double y, String text, double size, Anchor anchor, Color color, boolean bold) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
        double w = g.getFontMetrics().stringWidth(text);
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - w / 2;
            case END -> x - w;
        };
        g.setColor(color);
        g.drawString(text, (float) left, (float) y);
    }
}
