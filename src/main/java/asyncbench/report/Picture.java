package asyncbench.report;

import java.awt.Graphics2D;
import java.util.function.Consumer;

/**
 * One chart of a report, drawn once through Java2D: the SVG format hands the painter JFreeSVG's
 * {@code SVGGraphics2D}, the PNG format an image's graphics, so both files show the same picture.
 *
 * @param base the file name without its extension, unique within the run
 * @param painter draws the whole picture into a {@code width x height} area at the origin
 */
record Picture(String base, String title, int width, int height, Consumer<Graphics2D> painter) {
}
