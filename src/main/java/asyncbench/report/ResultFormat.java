package asyncbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One output of a report, as JMH's {@code ResultFormat}: it writes its files for a {@link RunReport}
 * (computed once from the saved results) into the run's directory and says which it wrote.
 */
interface ResultFormat {
    List<Path> writeOut(RunReport report, Path dir) throws IOException;
}
