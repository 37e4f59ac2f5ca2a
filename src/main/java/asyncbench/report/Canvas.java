package asyncbench.report;

import java.awt.Color;

/** The few drawing operations a chart needs, so one layout renders to SVG and to PNG alike. */
interface Canvas {
    enum Anchor { START, MIDDLE, END }

    void rect(double x, double y, double w, double h, Color fill);

    void text(double x, double y, String text, double size, Anchor anchor, Color color, boolean bold);
}
