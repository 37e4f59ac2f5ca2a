package asyncbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every cell of an experiment, one row each, in {@code <experiment>.csv}. */
final class CsvFormat implements ResultFormat {
    @Override
    public List<Path> writeOut(RunReport report, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (RunReport.Section section : report.sections()) {
            Path csv = ReportFiles.writeString(dir, section.experiment().name() + ".csv", Tables.csv(section.results()));
            files.add(csv);
        }
        return files;
    }
}
