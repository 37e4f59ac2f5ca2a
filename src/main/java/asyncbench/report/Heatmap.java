package asyncbench.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;

/**
 * Draws a {@link Contrast} as a heatmap: rows are the first parameter, columns the others, each cell
 * the ratio (x3.1, or 1/5 when below one); green where the first model is better, red where the second is, white at x1.
 * The colour scale is logarithmic and saturates at 4x either way.
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

    private final Contrast contrast;

    Heatmap(Contrast contrast) {
        this.contrast = contrast;
    }

    /** Wide enough for the longest column label, so that labels never run into each other. */
    double cellWidth() {
        int longest = contrast.results.columns.stream().mapToInt(c -> contrast.results.columnLabel(c).length()).max().orElse(0);
        return Math.max(CELL_W, CHAR_W * longest + 12);
    }

    double width() {
        return Math.max(LEFT + cellWidth() * contrast.results.columns.size() + 20, 720);
    }

    double height() {
        return TOP + CELL_H * contrast.ratio.length + BOTTOM;
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        ExperimentResults r = contrast.results;
        double cellW = cellWidth();
        rect(g, 0, 0, width(), height(), Color.WHITE);
        text(g, 10, 22, r.experiment + ": " + contrast.pair.first() + " vs " + contrast.pair.second(), 16,
                Anchor.START, INK, true);
        text(g, 10, 42, contrast.title().substring(contrast.title().indexOf(", ") + 2), 11,
                Anchor.START, INK, false);
        text(g, LEFT + cellW * r.columns.size() / 2, TOP - 26, r.columnParams(), 12, Anchor.MIDDLE, INK, true);
        text(g, LEFT - 8, TOP - 8, r.rowParam(), 12, Anchor.END, INK, true);
        for (int c = 0; c < r.columns.size(); c++) {
            text(g, LEFT + cellW * (c + 0.5), TOP - 8, r.columnLabel(r.columns.get(c)), 12,
                    Anchor.MIDDLE, INK, false);
        }
        for (int row = 0; row < contrast.ratio.length; row++) {
            double y = TOP + CELL_H * row;
            String label = r.rows.isEmpty() ? "" : r.rowValue(r.rows.get(row));
            text(g, LEFT - 8, y + CELL_H / 2 + 4, label, 12, Anchor.END, INK, false);
            for (int c = 0; c < r.columns.size(); c++) {
                double x = LEFT + cellW * c;
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
        double legendY = TOP + CELL_H * contrast.ratio.length + 22;
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
