package asyncbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.CellResult;
import asyncbench.result.ResultsFile;
import asyncbench.result.Status;
import asyncbench.runner.Runner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real experiments through the command line, each cell in its own JVM, on tiny grids. */
class EndToEndTest {
    @TempDir
    Path results;

    private List<CellResult> run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] argv = new String[args.length + 2];
            System.arraycopy(args, 0, argv, 0, args.length);
            argv[args.length] = "--results";
            argv[args.length + 1] = results.toString();
            code = Main.execute(argv);
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        Path dir = results.resolve(Runner.runIds(results).getLast());
        assertTrue(Files.exists(dir.resolve("report.md")), "report written");
        return ResultsFile.read(dir.resolve(ResultsFile.NAME)).results();
    }

    @Test
    void signalGridRunsEveryModelInItsOwnJvm() throws Exception {
        List<CellResult> cells = run("run", "signal-grid", "--profile", "smoke", "--param", "readers=4", "--param", "writers=2",
                "--forks", "2", "--budget", "0");
        assertEquals(asyncbench.experiment.grid.SignalGrid.grid().spec().models().stream().map(m -> m.id()).toList(),
                cells.stream().map(CellResult::model).toList());
        for (CellResult c : cells) {
            assertEquals(Status.OK, c.status(), c.message());
            assertTrue(c.metric("iterationsPerSecond").orElseThrow().value() > 0);
            assertEquals(2, c.metric("iterationsPerSecond").orElseThrow().forks().size(), "a score from each of two JVMs");
            int windows = asyncbench.experiment.Profile.SMOKE.measurement().iterations();
            assertEquals(2 * windows, c.metric("iterationsPerSecond").orElseThrow().samples().size(), "the windows of each JVM");
            assertTrue(c.resources().threads() > 0);
            assertTrue(c.resources().cpuUserSeconds() + c.resources().cpuSystemSeconds() > 0);
        }
        Path dir = results.resolve(Runner.runIds(results).getLast());
        assertTrue(Files.exists(dir.resolve("signal-grid.csv")));
    }

    @Test
    void fakeServerTimesEveryModelWithJmh() throws Exception {
        List<CellResult> cells = run("run", "fake-server", "--profile", "smoke", "--param", "connections=32",
                "--param", "syscallsPerCall=0");
        assertEquals(new asyncbench.experiment.rust.FakeServer().spec().jvmModels().stream().map(m -> m.id()).toList(),
                cells.stream().map(CellResult::model).toList());
        for (CellResult c : cells) {
            assertEquals(Status.OK, c.status(), c.message());
            assertEquals(64L, c.counters().get("accept"));
            assertEquals(34L, c.counters().get("poll"));
            assertTrue(c.metric("nsPerRequest").orElseThrow().value() > 0);
            assertTrue(c.metric("allocBytesPerRequest").isPresent(), "gc profiler ran");
        }
        CellResult virtual1 = cells.stream().filter(c -> c.model().equals("virtual1")).findFirst().orElseThrow();
        assertTrue(virtual1.jvm().flags().contains("-Djdk.virtualThreadScheduler.parallelism=1"), virtual1.jvm().flags().toString());
    }
}
