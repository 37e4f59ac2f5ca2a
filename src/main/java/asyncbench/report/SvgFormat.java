package asyncbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.svg.SVGGraphics2D;

/** Every picture as {@code <base>.svg}, drawn through JFreeSVG's {@code SVGGraphics2D}; the same results give the same files. */
final class SvgFormat implements ResultFormat {
    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Picture picture : report.pictures().toList()) {
            SVGGraphics2D g = new SVGGraphics2D(picture.width(), picture.height());
            // ids from the picture's name, not the clock: the same results give the same file
            g.setDefsKeyPrefix(picture.base() + "-");
            picture.painter().accept(g);
            files.add(ReportFiles.writeString(dir, picture.base() + ".svg", g.getSVGDocument()));
        }
        return files;
    }
}
