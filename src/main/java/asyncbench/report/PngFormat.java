package asyncbench.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Every picture as {@code <base>.png}. Headless Java2D needs the system's fonts for a PNG; where it has
 * none, no PNG is written and the report shows the SVG, which carries the same picture.
 */
final class PngFormat implements ResultFormat {
    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Picture picture : report.pictures().toList()) {
            byte[] png;
            try {
                BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                try {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, picture.width(), picture.height());
                    picture.painter().accept(g);
                } finally {
                    g.dispose();
                }
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                ImageIO.write(image, "png", bytes);
                png = bytes.toByteArray();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error noFonts) {
                return files;
            }
            files.add(ReportFiles.write(dir, picture.base() + ".png", png));
        }
        return files;
    }
}
