package asyncbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Markdown report as one self-contained page, {@code report.html}: comes after the picture formats. */
final class HtmlFormat implements ResultFormat {
    static final String FILE = "report.html";

    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        Path html = ReportFiles.writeString(dir, FILE,
                Html.page("asyncbench report: run " + report.run(), MarkdownFormat.document(report, dir), dir));
        return List.of(html);
    }
}
