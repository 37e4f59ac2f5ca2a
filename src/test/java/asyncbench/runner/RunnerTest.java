package asyncbench.runner;

import asyncbench.result.Point;
import asyncbench.catalog.UsageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.CellResult;
import asyncbench.result.Json;
import asyncbench.result.LimitInfo;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    @TempDir
    Path results;

    private Runner runner() {
        return new Runner(new TestCatalog(), results, Progress.SILENT);
    }

    private static Plan plan(List<String> experiments, List<Long> n, Long timeoutSeconds) {
        return new Plan(experiments, "smoke", List.of("platform"), Map.of("n", List.copyOf(n)), timeoutSeconds);
    }

    @Test
    void aHangingCellTimesOutAThrowingOneErrsAndTheRunGoesOn() throws Exception {
        Runner.Run run = runner().start(plan(List.of("hang", "throw", "limit", "mismatch", "ok"), List.of(1L), 3L));
        List<CellResult> recorded = ResultsFile.read(run.results()).results();
        assertEquals(List.of(Status.TIMEOUT, Status.ERROR, Status.LIMIT, Status.MISMATCH, Status.OK),
                recorded.stream().map(CellResult::status).toList());
        assertTrue(recorded.get(0).message().contains("killed"), recorded.get(0).message());
        assertTrue(recorded.get(1).message().contains("boom at n=1"), recorded.get(1).message());
        assertEquals(new LimitInfo(10, "kernel.pid_max", "only 10 fit"), recorded.get(2).limit());
        assertTrue(recorded.get(3).message().contains("sent=1 but received=0"), recorded.get(3).message());
        CellResult ok = recorded.get(4);
        assertEquals(1.0, ok.metric("score").orElseThrow().value());
        assertEquals(Map.of("n", 1L), ok.counters());
        assertNotNull(ok.resources(), "resources recorded");
        assertTrue(ok.resources().threads() > 0);
        assertTrue(ok.jvm().flags().contains("-XX:+AlwaysPreTouch"), ok.jvm().flags().toString());
        assertEquals(run.runId(), ok.runId());
        assertNotNull(ok.host().get("kernelLimits"));
    }

    @Test
    void theBudgetBuysJvmsForAnUndecidedContrastAndTheFirstPassIsInterleaved() throws Exception {
        Files.deleteIfExists(TestCatalog.FORK_LOG);
        Plan plan = new Plan(List.of("noisy"), "quick", List.of(), Map.of("n", List.of(1L)), null, 2, null, null, List.of(), 30L, "noisy-run");
        Runner.Run run = runner().start(plan);
        List<String> order = Files.readAllLines(TestCatalog.FORK_LOG);
        assertEquals(java.util.Set.of("platform", "virtual"), java.util.Set.copyOf(order.subList(0, 2)), "round one: each model once " + order);
        assertEquals(java.util.Set.of("platform", "virtual"), java.util.Set.copyOf(order.subList(2, 4)), "round two: each model once " + order);
        assertTrue(run.addedForks() >= 2, "the undecided contrast got more JVMs: " + order);
        List<CellResult> cells = ResultsFile.latest(ResultsFile.read(run.results()).results());
        assertEquals(2, cells.size());
        assertEquals(4 + run.addedForks(), cells.stream().mapToInt(CellResult::forks).sum(), "every JVM bought is in a cell");
        for (CellResult c : cells) {
            assertEquals(c.forks(), c.forkReasons().size(), "a reason for every JVM");
            assertEquals(List.of(Runner.MINIMUM, Runner.MINIMUM), c.forkReasons().subList(0, 2));
            c.forkReasons().subList(2, c.forks()).forEach(r -> assertTrue(
                    r.startsWith(Runner.BUDGET + "virtual vs platform at n=1: undecided, x"), c.forkReasons().toString()));
            assertEquals(c.forks(), c.metric("score").orElseThrow().forks().size(), "one score per JVM");
            assertEquals(order.stream().filter(c.model()::equals).count(), (long) c.forks(), "every JVM that ran is in the cell");
        }
        assertEquals(run.runId(), Runs.resolve(results, "noisy-run"));
        assertEquals(run.runId(), Runs.resolve(results, "latest"));
        UsageException unknown = assertThrows(UsageException.class, () -> Runs.resolve(results, "previous"));
        assertTrue(unknown.getMessage().contains("no previous run"), unknown.getMessage());
        Files.deleteIfExists(TestCatalog.FORK_LOG);
    }

    @Test
    void aDecidedContrastGetsNoMoreJvms() throws Exception {
        // ok scores 1 on platform and 2 on virtual in every JVM: decided after the first pass
        Plan plan = new Plan(List.of("ok"), "quick", List.of(), Map.of("n", List.of(1L)), null, 2, null, null, List.of(), 60L, null);
        Runner.Run run = runner().start(plan);
        assertEquals(0, run.addedForks());
        ResultsFile.latest(ResultsFile.read(run.results()).results()).forEach(c -> assertEquals(2, c.forks()));
    }

    @Test
    void aRunWithTheFlightRecorderRecordsEachCellsRuntime() throws Exception {
        Plan plan = new Plan(List.of("ok"), "smoke", List.of("platform"), Map.of("n", List.of(1L)), null, null, true, null);
        CellResult ok = ResultsFile.read(runner().start(plan).results()).results().getFirst();
        assertEquals(Status.OK, ok.status());
        assertNotNull(ok.resources().runtime(), "the flight recorder's counts");
        CellResult without = ResultsFile.read(runner().start(plan(List.of("ok"), List.of(1L), null)).results()).results().getFirst();
        assertEquals(null, without.resources().runtime(), "no recording unless asked");
    }

    @Test
    void shardsSplitOnePlanAndMergeBackWhole() throws Exception {
        Map<String, List<Object>> n = Map.of("n", List.of(1L, 2L, 3L));
        Plan first = new Plan(List.of("ok"), "smoke", List.of("platform"), n, null, null, null, "1/2");
        Plan second = new Plan(List.of("ok"), "smoke", List.of("platform"), n, null, null, null, "2/2");
        assertEquals(List.of(1L, 3L), first.cells(new TestCatalog()).stream().map(c -> c.params().get("n")).toList());
        assertEquals(List.of(2L), second.cells(new TestCatalog()).stream().map(c -> c.params().get("n")).toList());
        Runner.Run a = runner().start(first);
        Runner.Run b = runner().start(second);
        String merged = runner().merge(List.of(a.runId(), b.runId()));
        List<CellResult> all = ResultsFile.read(results.resolve(merged).resolve(ResultsFile.NAME)).results();
        assertEquals(java.util.Set.of(1L, 2L, 3L), all.stream().map(c -> c.params().get("n")).collect(java.util.stream.Collectors.toSet()));
        Runner.Run other = runner().start(plan(List.of("ok"), List.of(9L), null));
        UsageException refused = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> runner().merge(List.of(a.runId(), other.runId())));
        assertTrue(refused.getMessage().contains("different plans"), refused.getMessage());
        assertThrows(UsageException.class, () -> new Plan(List.of("ok"), "smoke", List.of(), n, null, null, null, "3/2").cells(new TestCatalog()));
    }

    @Test
    void anExperimentMaySetItsForksUnlessTheRunDoes() {
        asyncbench.experiment.Experiment server = new asyncbench.experiment.io.server.ServerExperiment();
        asyncbench.experiment.Experiment grid = asyncbench.experiment.grid.SignalGrid.grid();
        Plan quick = new Plan(List.of("server"), "quick", List.of(), Map.of(), null);
        assertEquals(2, quick.forkCount(server), "at least two JVMs a cell in quick, the server's too");
        assertEquals(2, quick.forkCount(grid), "the profile's");
        Plan three = new Plan(List.of("server"), "quick", List.of(), Map.of(), null, 3, null, null);
        assertEquals(3, three.forkCount(server), "--forks wins");
        assertEquals(3, new Plan(List.of("server"), "full", List.of(), Map.of(), null).forkCount(server));
    }

    @Test
    void runningOutOfHeapIsALimitAndADeadJvmAnError() throws Exception {
        Runner.Run run = runner().start(plan(List.of("exhaust-heap", "exit", "ok"), List.of(1L), null));
        List<CellResult> recorded = ResultsFile.read(run.results()).results();
        assertEquals(List.of(Status.LIMIT, Status.ERROR, Status.OK), recorded.stream().map(CellResult::status).toList());
        assertEquals("Java heap (-Xmx)", recorded.get(0).limit().limit());
        assertTrue(recorded.get(1).message().contains("exited with 3"), recorded.get(1).message());
    }

    @Test
    void resumeSkipsFinishedCells() throws Exception {
        Runner.Run first = runner().start(plan(List.of("ok"), List.of(1L, 2L, 3L), null));
        assertEquals(3, first.ran().size());
        List<String> lines = Files.readAllLines(first.results());
        Files.write(first.results(), lines.subList(0, 1));

        Runner.Run resumed = runner().resume(first.runId());
        assertEquals(1, resumed.skipped(), "the kept cell is not run again");
        assertEquals(List.of(2L, 3L), resumed.ran().stream().map(r -> r.params().get("n")).toList());
        assertEquals(List.of(1L, 2L, 3L), ResultsFile.read(first.results()).results().stream()
                .map(r -> r.params().get("n")).toList());
    }

    @Test
    void resumeTriesErredCellsAgainAndTheLatestResultCounts() throws Exception {
        Runner.Run first = runner().start(plan(List.of("ok"), List.of(1L, 2L), null));
        List<String> lines = Files.readAllLines(first.results());
        Files.write(first.results(), List.of(lines.get(0), lines.get(1).replace("\"status\":\"ok\"", "\"status\":\"error\"")));

        Runner.Run resumed = runner().resume(first.runId());
        assertEquals(List.of(2L), resumed.ran().stream().map(r -> r.params().get("n")).toList());
        List<CellResult> latest = ResultsFile.latest(ResultsFile.read(first.results()).results());
        assertEquals(List.of(Status.OK, Status.OK), latest.stream().map(CellResult::status).toList());
        assertEquals(3, ResultsFile.read(first.results()).results().size(), "the erred line stays on record");
    }

    @Test
    void aLineCutShortByAKillIsSkippedAndTheNextAppendStartsAfreshLine() throws Exception {
        Runner.Run first = runner().start(plan(List.of("ok"), List.of(1L, 2L), null));
        String whole = Files.readString(first.results());
        Files.writeString(first.results(), whole.substring(0, whole.length() - 20));
        ResultsFile.Contents cut = ResultsFile.read(first.results());
        assertEquals(1, cut.results().size());
        assertEquals(1, cut.unreadableLines());

        runner().resume(first.runId());
        ResultsFile.Contents after = ResultsFile.read(first.results());
        assertEquals(List.of(1L, 2L), after.results().stream().map(r -> r.params().get("n")).toList());
        assertEquals(1, after.unreadableLines(), "the cut line stays skipped, nothing else is lost");
    }

    @Test
    void killingTheRunMidwayLeavesValidJsonLines() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "asyncbench.cli.Main", "run", "slow",
                "--catalog", TestCatalog.class.getName(), "--results", results.toString(), "--profile", "smoke",
                "--param", "n=1..3");
        Process run = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path file = awaitResults(run);
        // kill while a cell is running: the parent first, its cell JVM with it
        run.descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
        run.waitFor(30, TimeUnit.SECONDS);

        ResultsFile.Contents contents = ResultsFile.read(file);
        assertEquals(0, contents.unreadableLines());
        assertTrue(contents.results().size() >= 1 && contents.results().size() < 6, contents.results().toString());
        for (String line : Files.readAllLines(file)) {
            Json.MAPPER.readTree(line);
        }
        String runId = file.getParent().getFileName().toString();
        Runner.Run resumed = runner().resume(runId);
        assertEquals(6, ResultsFile.read(file).results().size(), "resume finished the rest: " + resumed.ran().size());
    }

    private Path awaitResults(Process run) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && run.isAlive()) {
            try (var dirs = Files.list(results)) {
                for (Path dir : dirs.toList()) {
                    Path file = dir.resolve(ResultsFile.NAME);
                    if (Files.exists(file) && !Files.readAllLines(file).isEmpty()) {
                        return file;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no result appeared before the run ended");
    }

    @Test
    void planIsTheOuterProductInOrder() throws Exception {
        Plan plan = new Plan(List.of("ok"), "smoke", List.of(), Map.of("n", List.of(5L, 6L)), null);
        assertEquals(List.of("ok platform n=5", "ok platform n=6", "ok virtual n=5", "ok virtual n=6"),
                plan.cells(new TestCatalog()).stream().map(CellSpec::key).toList());
    }

    @Test
    void appendsToAFileWithoutATrailingNewline() throws IOException {
        Path file = results.resolve("x").resolve(ResultsFile.NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"cut", StandardCharsets.UTF_8, StandardOpenOption.CREATE);
        try (ResultsFile out = ResultsFile.append(file)) {
            out.add(new CellResult("r", "ok", "platform", "smoke", Point.of(Map.of("n", 1L)), Status.OK, null, null, null,
                    null, null, null, null, null, null));
        }
        ResultsFile.Contents contents = ResultsFile.read(file);
        assertEquals(1, contents.results().size());
        assertEquals(1, contents.unreadableLines());
    }
}
