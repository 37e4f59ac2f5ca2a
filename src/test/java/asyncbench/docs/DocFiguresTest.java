package asyncbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs quote no figure the lab did not print: every ratio with its interval and every figure with
 * its error in a page's prose is in one of its generated blocks, in the findings, or in what the lab
 * printed or wrote for a committed run the page cites (its terminal.txt, report.md, compare pages).
 */
class DocFiguresTest {
    private static final Path RUNS = Path.of("docs/results");

    @Test
    void theDocsQuoteOnlyFiguresTheLabPrinted() throws Exception {
        String findings = Files.readString(Path.of("docs/findings.md"), StandardCharsets.UTF_8);
        List<String> unsourced = new ArrayList<>();
        int figures = 0;
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (var files = Files.walk(Path.of("docs"), 2)) {
            files.filter(p -> p.toString().endsWith(".md") && !p.startsWith(RUNS)).sorted().forEach(pages::add);
        }
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            StringBuilder sources = new StringBuilder(findings);
            Matcher cited = Pattern.compile("results/([0-9]{8}-[0-9]{6})").matcher(text);
            while (cited.find()) {
                Path run = RUNS.resolve(cited.group(1));
                if (Files.isDirectory(run)) {
                    try (var written = Files.list(run)) {
                        for (Path file : written.filter(x -> x.getFileName().toString().matches("terminal\\.txt|report\\.md|compare-.*\\.md")).toList()) {
                            sources.append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
            figures += DocFigures.unsourced(text, "").size();
            for (String f : DocFigures.unsourced(text, sources.toString())) {
                unsourced.add(page + ": " + f);
            }
        }
        assertTrue(figures > 0, "the docs quote figures");
        assertTrue(unsourced.isEmpty(), unsourced.size() + " figures in the docs that no generated block, finding or cited run holds:\n"
                + String.join("\n", unsourced));
    }

    @Test
    void aFigureRoundedFromOneTheLabPrintedIsSourced() {
        String printed = "| platform | 130 k ± 54.6 k | 1.63 ± 0.171 | 20.0 KiB ± 1165 B |\n- better, x3.54 [1.63, 7.69]";
        assertEquals(List.of(), DocFigures.unsourced("costs 130 k ± 55 k, 1.6 ± 0.17 or 20 KiB ± 1.1 KiB; x3.54 [1.63, 7.69]", printed));
    }

    @Test
    void aPlantedFigureIsNot() {
        String printed = "| platform | 130 k ± 54.6 k | 1.63 ± 0.171 |\n- better, x3.54 [1.63, 7.69]";
        assertEquals(List.of("x3.54 [1.62, 7.69]", "131 k ± 55 k", "1.63 ± 0.18"),
                DocFigures.unsourced("costs 131 k ± 55 k, 1.63 ± 0.18; x3.54 [1.62, 7.69]", printed));
        assertEquals(List.of("x4 [1.5, 3]"), DocFigures.unsourced("<!-- table: R E -->\nx2 [1.5, 3]\n<!-- /table -->\nthen x2 [1.5, 3] and x4 [1.5, 3]", ""),
                "a generated block is a source; the prose outside it is checked");
    }
}
