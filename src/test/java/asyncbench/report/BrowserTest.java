package asyncbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.catalog.Catalog;
import asyncbench.testing.Tools;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html as a person opens it: in headless Chromium (Debian's package, installed by scripts/setup
 * where missing; the test is skipped, saying why, only where it cannot be installed).
 */
class BrowserTest {
    /** Records what the page reports as going wrong and, once loaded, how many of its pictures drew. */
    private static final String PROBE = """
            <script>
            var probeErrors = [];
            window.addEventListener('error', function (e) {
              probeErrors.push(e.message || ('cannot load ' + (e.target && (e.target.currentSrc || e.target.href))));
            }, true);
            ['error', 'warn'].forEach(function (level) {
              var log = console[level];
              console[level] = function () { probeErrors.push(level + ': ' + Array.prototype.join.call(arguments, ' ')); log.apply(console, arguments); };
            });
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var drawn = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              var out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = 'images=' + images.length + ' drawn=' + drawn + ' errors=' + JSON.stringify(probeErrors);
              document.body.appendChild(out);
            });
            </script>
            """;
    private static final Pattern PROBED = Pattern.compile("images=(\\d+) drawn=(\\d+) errors=(\\[.*?\\])<");

    @TempDir
    Path run;

    @Test
    void theReportOpensWithoutErrorsAndShowsEveryChart() throws Exception {
        Optional<File> chromium = Tools.require("chromium");
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed and scripts/setup could not install it");
        ReportFixtures.grid(run);
        ReportFixtures.idleMemory(run);
        Report.render(run, new Catalog.BuiltIn(), List.of());
        int pictures = Files.readString(run.resolve(Report.FILE)).split("!\\[", -1).length - 1;
        assertEquals(3, pictures, "two heatmaps and one chart");

        Path html = run.resolve(Report.HTML);
        Path shot = run.resolve("screenshot.png");
        Browser page = browse(chromium.get(), "--screenshot=" + shot, "--window-size=1280,2000", html.toUri().toString());
        assertEquals(List.of(), page.console(), "the page logs nothing: it has no scripts and loads nothing");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth());
        assertTrue(colours(image) > 20, "the screenshot shows text, tables and coloured charts, not a blank page");

        Path probe = run.resolve("probe.html");
        Files.writeString(probe, Files.readString(html).replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(PROBE)));
        Browser dom = browse(chromium.get(), "--dump-dom", probe.toUri().toString());
        Matcher m = PROBED.matcher(dom.out());
        assertTrue(m.find(), "the probe ran: " + dom.err());
        assertEquals(pictures, Integer.parseInt(m.group(1)), "every chart of the report is on the page");
        assertEquals(pictures, Integer.parseInt(m.group(2)), "and every one of them drew");
        assertEquals("[]", m.group(3), "no error on the page");
    }

    private record Browser(String out, String err, List<String> console) {
    }

    private Browser browse(File chromium, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.getPath(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--enable-logging=stderr", "--user-data-dir=" + run.resolve("profile")));
        command.addAll(List.of(args));
        Path out = run.resolve("chromium.out");
        Path err = run.resolve("chromium.err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
        }
        String errors = Files.readString(err, StandardCharsets.UTF_8);
        List<String> console = errors.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Browser(Files.readString(out, StandardCharsets.UTF_8), errors, console);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
