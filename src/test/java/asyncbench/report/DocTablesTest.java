package asyncbench.report;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.catalog.Catalog;
import asyncbench.catalog.UsageException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The blocks a docs page generates from a committed run: each kind, and the ones that cannot be. */
class DocTablesTest {
    private static final Path RUNS = Path.of("docs/results");
    private static final String RUN = "20261203-162131";

    private static String fill(String block) throws Exception {
        return DocTables.fill(block, RUNS, new Catalog.BuiltIn());
    }

    @Test
    void aTableOfAnotherMetricShowsThatMetric() throws Exception {
        String headline = fill("<!-- table: " + RUN + " brigade -->\n<!-- /table -->");
        String perHop = fill("<!-- table: " + RUN + " brigade nsPerHop -->\nstale\n<!-- /table -->");
        assertTrue(perHop.startsWith("<!-- table: " + RUN + " brigade nsPerHop -->\n") && perHop.endsWith("<!-- /table -->")
                && perHop.contains("| cpus | loop | platform |"), perHop);
        assertTrue(!perHop.equals(headline.replace(" brigade -->", " brigade nsPerHop -->")) && !perHop.contains("stale"), perHop);
    }

    @Test
    void aFilterKeepsOnlyTheCellsAtItsValues() throws Exception {
        String both = fill("<!-- table: " + RUN + " brigade -->\n<!-- /table -->");
        String one = fill("<!-- table: " + RUN + " brigade cpus=one -->\n<!-- /table -->");
        assertTrue(both.contains("| all |") && both.contains("| one |"), both);
        assertTrue(!one.contains("| all |") && one.contains("platform"), one);
        String verdicts = fill("<!-- verdicts: " + RUN + " brigade cpus=all -->\n<!-- /verdicts -->");
        assertTrue(verdicts.contains("cpus=all") && !verdicts.contains("cpus=one"), verdicts);
    }

    @Test
    void overheadAndSlopesBlocksAreTheReportsTables() throws Exception {
        String overhead = fill("<!-- overhead: " + RUN + " brigade -->\n<!-- /overhead -->");
        assertTrue(overhead.contains("virtual - platform"), overhead);
        String slopes = fill("<!-- slopes: 20261125-212913 brigade -->\n<!-- /slopes -->");
        assertTrue(slopes.contains("(slope) | fixed cost (intercept) | points | R² |") && slopes.contains("\n- "), slopes);
    }

    @Test
    void aBlockNamingWhatTheRunDoesNotHoldIsRefused() {
        UsageException metric = assertThrows(UsageException.class, () -> fill("<!-- table: " + RUN + " brigade noSuchMetric -->\n<!-- /table -->"));
        assertTrue(metric.getMessage().contains("noSuchMetric"), metric.getMessage());
        UsageException slopes = assertThrows(UsageException.class, () -> fill("<!-- slopes: " + RUN + " idle-memory -->\n<!-- /slopes -->"));
        assertTrue(slopes.getMessage().contains("no growth"), slopes.getMessage());
        UsageException kind = assertThrows(UsageException.class, () -> fill("<!-- ratio: " + RUN + " brigade nsPerHop -->\n<!-- /ratio -->"));
        assertTrue(kind.getMessage().contains("not nsPerHop"), kind.getMessage());
        UsageException param = assertThrows(UsageException.class, () -> fill("<!-- table: " + RUN + " brigade colour=red -->\n<!-- /table -->"));
        assertTrue(param.getMessage().contains("not a parameter of brigade"), param.getMessage());
        UsageException none = assertThrows(UsageException.class, () -> fill("<!-- table: " + RUN + " brigade cpus=three -->\n<!-- /table -->"));
        assertTrue(none.getMessage().contains("no cell has it"), none.getMessage());
    }
}
