package asyncbench.report;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.LimitInfo;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import asyncbench.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir
    Path run;

    private void writeGrid() throws Exception {
        ReportFixtures.grid(run);
    }

    /** Every experiment says, in its report section, what it reproduces and what was published. */
    @Test
    void everyExperimentNamesItsOriginAndThePublishedFigure() {
        for (asyncbench.experiment.Experiment e : new Catalog.BuiltIn().experiments()) {
            assertFalse(e.spec().origin().reproduces().isBlank(), e.name());
            assertFalse(e.spec().origin().published().isBlank(), e.name());
        }
    }

    @Test
    void rendersTablesHeatmapsAndAVerdictFromSavedResults() throws Exception {
        writeGrid();
        Report.Rendered rendered = Report.render(run, new Catalog.BuiltIn(), List.of(new Comparison("virtual", "platform")));
        assertEquals(3, rendered.verdicts().size(), "the pair's verdict, then what is decided against the first model: totals and per model");
        assertEquals("signal-grid: decided 6 of 6 contrasts against platform on iterationsPerSecond (better 4, worse 2, same within 10% 0); undecided 0",
                rendered.verdicts().get(1));
        assertEquals("signal-grid: virtual vs platform: better at 4 of 6 points (x3.00; 2 by a limit), worse at 2 (x0.50)",
                rendered.verdicts().get(2));
        String verdict = rendered.verdicts().getFirst();
        assertTrue(verdict.contains("virtual better in 4, platform better in 2, the same within 10% in 0, undecided in 0 of 6 cells"), verdict);
        assertTrue(verdict.contains("virtual is better from readers=2^7 on at every writers value"), verdict);

        Path png = run.resolve("signal-grid-virtual-vs-platform.png");
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 100);
        String svg = Files.readString(run.resolve("signal-grid-virtual-vs-platform.svg"));
        assertTrue(svg.contains(">x3<"), "ratio 300/100 is drawn as x3");
        assertTrue(svg.contains(">1/2<"), "ratio 100/200 is drawn as 1/2");
        assertTrue(svg.contains(">limit<"), "the platform limit is drawn");

        String csv = Files.readString(run.resolve("signal-grid.csv"));
        assertEquals(13, csv.lines().count(), "header and 12 cells");
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("signal-grid,platform,512,1,limit,") && l.contains("kernel.pid_max")));
        String md = Files.readString(rendered.report());
        assertTrue(md.contains("| 2^9 | 4 | limit: 300 fit (kernel.pid_max) | 300 ± 12.7 |"), md);
        assertTrue(md.indexOf("## Verdicts against each experiment's first model") < md.indexOf("## signal-grid"), "the verdicts matrix comes first");
        assertTrue(md.contains("> **Reproduces**: The readers x writers grid of GhostTyper/ClassicVsAsyncAwait (C#)"), md);
        assertTrue(md.contains("**Published**: The original's heatmap"), "the published figure it is set beside");
        assertTrue(md.contains("| signal-grid | platform | (first) | better 4, worse 2 of 6 |"), md);
        assertTrue(md.contains("| readers=512 writers=1 | virtual | **better** | platform: limit (only 300 fit); virtual measured | 2 + 0 |"), md);
        com.fasterxml.jackson.databind.JsonNode verdicts = asyncbench.result.Json.MAPPER.readTree(run.resolve(VerdictsFormat.FILE).toFile());
        assertEquals(6, verdicts.get("contrasts").size(), "virtual against platform at each of 6 points");
        com.fasterxml.jackson.databind.JsonNode first = verdicts.get("contrasts").get(0);
        assertEquals("worse", first.get("verdict").asText(), first.toString());
        assertEquals(0.5, first.get("ratio").asDouble(), 1e-9);
        assertTrue(first.get("lower").asDouble() < 0.5 && first.get("upper").asDouble() > 0.5, first.toString());
        assertEquals("32", first.get("point").get("readers").asText());
        com.fasterxml.jackson.databind.JsonNode jmh = asyncbench.result.Json.MAPPER.readTree(run.resolve(JmhJsonFormat.FILE).toFile());
        assertEquals(10, jmh.size(), "one JMH entry per measured cell: 12 cells, 2 of them at a limit");
        assertEquals("asyncbench.signal-grid.platform", jmh.get(0).get("benchmark").asText());
        assertEquals("thrpt", jmh.get(0).get("mode").asText());
        assertEquals("32", jmh.get(0).get("params").get("readers").asText(), "the point as JMH parameters");
        assertTrue(jmh.get(0).get("primaryMetric").get("score").asDouble() > 0);
        assertTrue(md.contains("![signal-grid: virtual vs platform"), md);
        String html = Files.readString(run.resolve(Report.HTML));
        assertTrue(html.contains("<table>") && html.contains("<img src=\"data:image/png;base64,"), html);
        assertFalse(html.contains("src=\"signal-grid-"), "every picture is inside the page: it opens without the run's directory");
    }

    /** Exceptions cells: a return makes 400 iterations, a throw 100 (future) or 40 (virtual) divided by the depth. */
    private static List<CellResult> exceptionsCells() {
        List<CellResult> cells = new ArrayList<>();
        for (long depth : List.of(1L, 64L)) {
            for (String model : List.of("future", "virtual")) {
                for (long outcome : List.of(0L, 1L)) {
                    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
                    params.put("depth", depth);
                    params.put("yields", 1L);
                    params.put("finallyRate", 1000L);
                    params.put("outcome", outcome == 0 ? "return" : "throw");
                    double value = outcome == 0 ? 400 : (model.equals("future") ? 100 : 40) / (double) depth;
                    cells.add(new CellResult("r", "exceptions", model, "smoke", Point.of(params), Status.OK, null, null,
                            Map.of("iterationsPer250ms", new Metric(value, null, "iterations/250ms", null)),
                            Map.of("iterations", 10L), null, null, null, null, null));
                }
            }
        }
        return cells;
    }

    /** A model that reached a limit at a point is named on the chart instead of vanishing from it. */
    @Test
    void aChartNamesAModelThatReachedALimit() throws Exception {
        ReportFixtures.idleMemory(run, "platform", Status.LIMIT);
        Report.render(run, new Catalog.BuiltIn(), List.of());
        String svg = Files.readString(run.resolve("idle-memory-chart-1.svg"));
        assertTrue(svg.contains("not drawn, a limit reached: platform at depth=2^8 (limit)"), "the limit is on the chart: " + svg.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " "));
    }

    /** Idle-memory cells: future grows 300 bytes a frame from 400, virtual 350 from 3,000; one model failed at depth 256. */
    @Test
    void aChartDrawsOneLinePerModelAgainstTheParameter() throws Exception {
        ReportFixtures.idleMemory(run);
        Report.Rendered rendered = Report.render(run, new Catalog.BuiltIn(), List.of());
        String svg = Files.readString(run.resolve("idle-memory-chart-1.svg"));
        assertTrue(svg.startsWith("<svg") || svg.contains("<svg"), "an SVG document");
        Report.render(run, new Catalog.BuiltIn(), List.of());
        assertEquals(svg, Files.readString(run.resolve("idle-memory-chart-1.svg")), "rendered again, the same file");
        assertTrue(svg.contains("Memory per idle task against its stack depth (frame=lean, tasks=2000)"), "the title names the fixed parameters");
        assertTrue(svg.contains(">future<") && svg.contains(">virtual<"), "a legend entry per model");
        assertTrue(ImageIO.read(run.resolve("idle-memory-chart-1.png").toFile()).getWidth() > 100);
        String md = Files.readString(rendered.report());
        assertTrue(md.contains("![Memory per idle task against its stack depth (frame=lean, tasks=2000)](idle-memory-chart-1.png)"), md);
    }

    /** Strings from results (a cell's message) reach the HTML page as text, never as markup. */
    @Test
    void stringsFromResultsAreEscapedInHtml() throws Exception {
        try (ResultsFile out = ResultsFile.append(run.resolve(ResultsFile.NAME))) {
            java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
            params.put("readers", 32L);
            params.put("writers", 1L);
            out.add(new CellResult("r", "signal-grid", "platform", "smoke", Point.of(params), Status.ERROR,
                    "<script>alert('x')</script> & <img src=x onerror=y>", null, null, null, null, null, null, null, null));
        }
        Report.render(run, new Catalog.BuiltIn(), List.of());
        String html = Files.readString(run.resolve(Report.HTML));
        assertFalse(html.contains("<script>"), "no script from a result");
        assertFalse(html.contains("<img src=x"), "no element from a result");
        assertTrue(html.contains("&lt;script&gt;"), "the message is shown as text");
    }

    /** Server cells: a chart drawn by server has one line per model and server, named "model / server". */
    @Test
    void aChartByAParameterDrawsALinePerModelAndValue() throws Exception {
        try (ResultsFile out = ResultsFile.append(run.resolve(ResultsFile.NAME))) {
            for (long connections : List.of(16L, 256L)) {
                for (String[] line : List.of(new String[] {"platform", "0"}, new String[] {"virtual", "0"},
                        new String[] {"virtual", "2"}, new String[] {"eventLoop", "3"})) {
                    java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
                    params.put("server", asyncbench.server.Server.values()[Integer.parseInt(line[1])].id());
                    params.put("connections", connections);
                    params.put("connection", "keepAlive");
                    params.put("rate", 2000L);
                    params.put("client", "asyncbench");
                    double rate = 1000 * connections + Long.parseLong(line[1]);
                    out.add(new CellResult("r", "server", line[0], "smoke", Point.of(params), Status.OK, null, null,
                            Map.of("requestsPerSecond", ReportFixtures.forks("req/s", rate - 1, rate + 1)),
                            Map.of("answered", 10L), null, null, null, null, null));
                }
            }
        }
        Report.render(run, new Catalog.BuiltIn(), List.of());
        String svg = Files.readString(run.resolve("server-chart-1.svg"));
        assertTrue(svg.contains("(connection=keepAlive, rate=2000, client=asyncbench)") || svg.contains("client=asyncbench"), "the title names the fixed parameters");
        for (String name : List.of(">platform / jdk<", ">virtual / jdk<", ">virtual / helidon<", ">eventLoop / netty<")) {
            assertTrue(svg.contains(name), "a line " + name);
        }
    }

    /** Responsiveness cells: one chart per point, the percentiles along the x axis; a starved model has no line. */
    @Test
    void aLatencyChartDrawsThePercentilesOfEachPoint() throws Exception {
        try (ResultsFile out = ResultsFile.append(run.resolve(ResultsFile.NAME))) {
            for (String model : List.of("platform", "eventLoop", "virtual")) {
                java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
                params.put("jobs", 4L);
                params.put("yieldMicros", 0L);
                if (model.equals("virtual")) {
                    out.add(new CellResult("r", "responsiveness", model, "smoke", Point.of(params), Status.LIMIT, "starved",
                            new LimitInfo(0, "starvation", "starved"), null, null, null, null, null, null, null));
                    continue;
                }
                Map<String, Metric> metrics = new java.util.LinkedHashMap<>();
                double base = model.equals("platform") ? 100 : 10_000;
                int i = 1;
                for (String metric : asyncbench.experiment.LatencyWindows.metrics()) {
                    double v = base * i++;
                    metrics.put(metric, ReportFixtures.forks("us", v - 1, v + 1));
                }
                out.add(new CellResult("r", "responsiveness", model, "smoke", Point.of(params), Status.OK, null, null, metrics,
                        Map.of("requestsSent", 20L), null, null, null, null, null));
            }
        }
        Report.Rendered rendered = Report.render(run, new Catalog.BuiltIn(), List.of());
        String svg = Files.readString(run.resolve("responsiveness-chart-1.svg"));
        assertTrue(svg.contains(">platform<") && svg.contains(">eventLoop<"), "a line per model that measured");
        assertTrue(!svg.contains(">virtual<"), "no line for the starved model");
        assertTrue(Files.readString(rendered.report()).contains("](responsiveness-chart-1.png)"));
    }

    @Test
    void theExceptionsReportDividesThrowByReturnPerModel() throws Exception {
        try (ResultsFile out = ResultsFile.append(run.resolve(ResultsFile.NAME))) {
            for (CellResult c : exceptionsCells()) {
                out.add(c);
            }
        }
        Report.Rendered rendered = Report.render(run, new Catalog.BuiltIn(), List.of());
        String md = Files.readString(rendered.report());
        assertTrue(md.contains("### iterationsPer250ms, throw / return"), md);
        assertTrue(md.contains("| depth | yields | finallyRate | future | virtual |"), md);
        assertTrue(md.contains("| 1 | 1 | 1000 | 0.25 | 0.1 |"), md);
    }

    @Test
    void heatmapCellsAreWideEnoughForTheirColumnLabels() {
        asyncbench.experiment.Experiment exceptions = new Catalog.BuiltIn().byName("exceptions").orElseThrow();
        ExperimentResults r = new ExperimentResults("exceptions", exceptions.spec().headline(), exceptionsCells(),
                List.of("future", "virtual"), exceptions.spec().params());
        Heatmap heatmap = new Heatmap(new Contrast(r, new Comparison("virtual", "future")));
        int longest = heatmap.longestLabel();
        assertTrue(longest > 0, "labels such as 1000, return");
        assertTrue(heatmap.cellWidth() >= 7 * longest, heatmap.cellWidth() + " px for " + longest + " characters");
    }

    private static CellResult rated(String model, Map<String, Object> params, double value) {
        return new CellResult("h", "brigade", model, "quick", Point.of(params), Status.OK, null, null,
                Map.of("msPerIteration", ReportFixtures.forks("ms", value * 0.98, value * 1.02)), Map.of("n", 1L), null, null, null, null, null);
    }

    /**
     * A wide grid fits a 1,200-pixel page: columns where neither model ran are left out, a parameter with
     * one value in every column shown goes into the subtitle, and the columns wrap into bands.
     */
    @Test
    void aHeatmapFitsAPageWithoutEmptyColumnsOrRepeatedParameters() {
        List<CellResult> cells = new ArrayList<>();
        for (long chains = 1; chains <= 1 << 20; chains *= 2) {
            for (String transport : List.of("pipe", "memory")) {
                Map<String, Object> p = new java.util.LinkedHashMap<>();
                p.put("tasks", 500L);
                p.put("chains", chains);
                p.put("transport", transport);
                p.put("cpus", "all");
                if (transport.equals("pipe")) {
                    cells.add(rated("platform", p, 2.0 + chains));
                    cells.add(rated("virtual", p, 1.0 + chains));
                } else {
                    cells.add(rated("future", p, 1.0));
                }
            }
        }
        asyncbench.experiment.Experiment brigade = new Catalog.BuiltIn().byName("brigade").orElseThrow();
        List<asyncbench.experiment.Param> params = brigade.spec().params().stream()
                .filter(x -> List.of("tasks", "chains", "transport", "cpus").contains(x.name())).toList();
        ExperimentResults r = new ExperimentResults("brigade", brigade.spec().headline(), cells, List.of("platform", "virtual", "future"), params);
        Heatmap heatmap = new Heatmap(new Contrast(r, new Comparison("virtual", "platform")));
        assertEquals(21, heatmap.labels().size(), "the memory columns, where only future ran, are left out");
        assertTrue(heatmap.labels().stream().noneMatch(l -> l.contains("all") || l.contains("pipe")), heatmap.labels().toString());
        assertTrue(heatmap.width() <= Heatmap.MAX_W, heatmap.width() + " px");
        assertTrue(heatmap.bands() > 1, "21 columns wrap");
        assertTrue(heatmap.height() > 200);
    }

    /** A parameter with one value in every cell is stated once above the table; a memory figure below zero is flagged. */
    @Test
    void aTableStatesWhatNeverChangesOnceAndFlagsMemoryBelowZero() {
        List<CellResult> cells = new ArrayList<>();
        for (long chains : List.of(1L, 2L)) {
            Map<String, Object> p = new java.util.LinkedHashMap<>();
            p.put("tasks", 500L);
            p.put("chains", chains);
            p.put("cpus", "all");
            cells.add(rated("platform", p, 2.0 * chains));
            cells.add(rated("virtual", p, 1.0 * chains));
        }
        asyncbench.experiment.Experiment brigade = new Catalog.BuiltIn().byName("brigade").orElseThrow();
        List<asyncbench.experiment.Param> params = brigade.spec().params().stream()
                .filter(x -> List.of("tasks", "chains", "cpus").contains(x.name())).toList();
        ExperimentResults r = new ExperimentResults("brigade", brigade.spec().headline(), cells, List.of("platform", "virtual"), params);
        String table = Tables.headline(r);
        assertTrue(table.startsWith("At tasks=500, cpus=all:\n\n| chains | platform | virtual |"), table);
        CellResult negative = new CellResult("h", "idle-memory", "future", "quick", Point.of(Map.of("depth", 1L)), Status.OK, null, null,
                Map.of("fittedBytesPerTask", new Metric(-12, 30.0, "bytes", null)), Map.of("n", 1L), null, null, null, null, null);
        assertTrue(Tables.describe(negative, "fittedBytesPerTask").contains("below zero"), Tables.describe(negative, "fittedBytesPerTask"));
        CellResult stalled = new CellResult("h", "brigade", "virtual", "quick", Point.of(Map.of("tasks", 8000L)), Status.OK, null, null,
                Map.of("msPerIteration", new Metric(Double.POSITIVE_INFINITY, null, "ms", null)), Map.of("n", 1L), null, null, null, null, null);
        assertEquals("none finished in a JVM's windows", Tables.describe(stalled, "msPerIteration"));
    }

    @Test
    void aRatioOfFiguresBelowZeroIsNoResult() {
        assertEquals("no ratio (both at or below zero)", Tables.ratioText(new Metric(-4, 1.0, "bytes", null), new Metric(-2, 1.0, "bytes", null)));
        assertEquals("no ratio (a figure at or below zero)", Tables.ratioText(new Metric(4, 1.0, "bytes", null), new Metric(-2, 1.0, "bytes", null)));
        assertEquals("2 ± 0.283", Tables.ratioText(new Metric(4, 0.4, "x", null), new Metric(2, 0.2, "x", null)));
    }

    @Test
    void jmhRawDataHasOneListPerFork() {
        Metric twoForks = new Metric(2.5, 0.5, "ops/s", List.of(1.0, 2.0, 3.0, 4.0), List.of(1.5, 3.5));
        assertEquals(List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)), JmhJsonFormat.rawData(twoForks));
        Metric uneven = new Metric(2.5, 0.5, "ops/s", List.of(1.0, 2.0, 3.0), List.of(1.5, 3.0));
        assertEquals(List.of(List.of(1.5), List.of(3.0)), JmhJsonFormat.rawData(uneven));
        assertEquals(List.of(List.of(7.0)), JmhJsonFormat.rawData(Metric.once(7, "bytes")));
    }

    @Test
    void aRatioCarriesBothRelativeErrors() {
        Metric q = Tables.quotient(new Metric(10, 1.0, "x", null), new Metric(5, 0.5, "x", null));
        assertEquals(2.0, q.value(), 1e-12);
        assertEquals(2.0 * Math.hypot(0.1, 0.1), q.error(), 1e-12);
        assertEquals(null, Tables.quotient(new Metric(10, null, "x", null), new Metric(5, 0.5, "x", null)).error());
    }

    @Test
    void heatmapColoursFollowTheOriginal() {
        java.awt.Color faster = Heatmap.colour(400);
        java.awt.Color slower = Heatmap.colour(25);
        assertTrue(faster.getGreen() > faster.getRed(), "green where the first model is faster");
        assertTrue(slower.getRed() > slower.getGreen(), "red where it is slower");
        assertEquals(java.awt.Color.WHITE, Heatmap.colour(100));
    }
}
