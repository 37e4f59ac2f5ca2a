package asyncbench.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.catalog.Catalog;
import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.forum.brigade.Brigade;
import asyncbench.experiment.rust.FakeServer;
import asyncbench.model.Model;
import asyncbench.result.Point;
import asyncbench.runner.CellSpec;
import asyncbench.runner.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The originals as models, with small scripts in the place of the Rust programs: what each cell runs,
 * how it reads the program, and that a run without them leaves their models out with a sentence.
 */
class OriginalsTest {
    private static final Measurement QUICK = new Measurement(1, 3, Duration.ofMillis(100));
    @TempDir
    Path anchors;

    @BeforeEach
    void useTheseAnchors() {
        System.setProperty(Anchors.PROPERTY, anchors.toString());
    }

    @AfterEach
    void forgetThem() {
        System.clearProperty(Anchors.PROPERTY);
    }

    private void program(String name, String script) throws Exception {
        Path bin = Files.createDirectories(anchors.resolve("bin"));
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Point brigade(String transport, String cpus, String loop) {
        return Point.of(Map.of(Brigade.TASKS, 500L, Brigade.CHAINS, 1L, Brigade.BUSYWORK, 0L, Brigade.TRANSPORT, transport,
                Brigade.CPUS, cpus, Brigade.LOOP, loop));
    }

    @Test
    void eachBrigadeOriginalRunsWhereItsProgramHasThePoint() {
        Brigade b = new Brigade();
        assertEquals("thread-brigade", b.original(Model.RUST_THREADS, brigade("unixSocket", "one", "selector")).orElseThrow().program());
        assertTrue(b.original(Model.RUST_THREADS, brigade("pipe", "all", "selector")).isEmpty());
        assertEquals("async-brigade", b.original(Model.RUST_TOKIO, brigade("unixSocket", "all", "selector")).orElseThrow().program());
        assertEquals("async-mem-brigade", b.original(Model.RUST_TOKIO, brigade("memory", "all", "selector")).orElseThrow().program());
        assertTrue(b.original(Model.RUST_TOKIO, brigade("unixSocket", "one", "selector")).isEmpty());
        assertEquals("one-thread-brigade", b.original(Model.RUST_ONE_THREAD, brigade("unixSocket", "all", "direct")).orElseThrow().program());
        assertTrue(b.original(Model.RUST_ONE_THREAD, brigade("unixSocket", "all", "selector")).isEmpty());
        assertTrue(b.original(Model.PLATFORM, brigade("unixSocket", "all", "selector")).isEmpty());
        assertTrue(b.original(Model.RUST_THREADS, brigade("unixSocket", "all", "selector").with(Brigade.CHAINS, 2L)).isEmpty());
    }

    @Test
    void aBrigadeProgramIsTimedOnceToSizeItsRunThenRunWithTheTasksAndRepetitionsItWasTold() throws Exception {
        Path calls = anchors.resolve("calls");
        // 2 ms an iteration: 0.3 s of measured windows hold 150 repetitions
        program("thread-brigade", "echo \"$@\" >> " + calls + "\necho '500 tasks:' >&2\n"
                + "echo 'mean 2.000ms per iteration, stddev 0.500ms (4.000µs per task per iter)' >&2");
        Outcome outcome = new Brigade().original(Model.RUST_THREADS, brigade("unixSocket", "all", "selector")).orElseThrow().run(QUICK);
        assertEquals(List.of("--threads 500 --iters 10", "--threads 500 --iters 150"), Files.readAllLines(calls));
        assertEquals(2.0, outcome.metrics().get(Brigade.MS_PER_ITERATION).value(), 1e-9);
        assertEquals(4000, outcome.metrics().get(Brigade.NS_PER_HOP).value(), 1e-6);
        assertEquals(Map.of(Brigade.TASKS, 500L, "programIterations", 150L), outcome.counters());
    }

    @Test
    void aProgramThatFailsOrPrintsNoFigureIsOneSentence() throws Exception {
        program("async-brigade", "echo 'thread main panicked' >&2\nexit 101");
        Exception failed = assertThrows(IllegalStateException.class,
                () -> new Brigade().original(Model.RUST_TOKIO, brigade("unixSocket", "all", "selector")).orElseThrow().run(QUICK));
        assertTrue(failed.getMessage().contains("exited with 101: thread main panicked"), failed.getMessage());
        program("one-thread-brigade", "echo hello");
        Exception silent = assertThrows(IllegalStateException.class,
                () -> new Brigade().original(Model.RUST_ONE_THREAD, brigade("unixSocket", "all", "direct")).orElseThrow().run(QUICK));
        assertTrue(silent.getMessage().contains("printed no"), silent.getMessage());
    }

    @Test
    void criterionsSamplesAreTheWindows() throws Exception {
        Path args = anchors.resolve("args");
        program("rust-async-bench-run", "echo \"$@\" > " + args + "\nmkdir -p \"$CRITERION_HOME/manual+syscalls/new\"\n"
                + "echo '{\"sampling_mode\":\"Linear\",\"iters\":[10.0,20.0],\"times\":[256000.0,768000.0]}' > \"$CRITERION_HOME/manual+syscalls/new/sample.json\"");
        Point point = Point.of(Map.of(FakeServer.CONNECTIONS, 256L, FakeServer.SYSCALLS, 1L));
        Outcome outcome = new FakeServer().original(Model.RUST_MANUAL, point).orElseThrow().run(QUICK);
        assertTrue(Files.readString(args).startsWith("--bench ^manual\\+syscalls$ --warm-up-time 1 --measurement-time 1 --sample-size 10"),
                Files.readString(args));
        // 25.6 us and 38.4 us a run of 256 requests: 100 and 150 ns a request
        assertEquals(List.of(100.0, 150.0), outcome.metrics().get(FakeServer.NS_PER_REQUEST).samples());
        assertEquals(125.0, outcome.metrics().get(FakeServer.NS_PER_REQUEST).value(), 1e-9);
        assertTrue(new FakeServer().original(Model.RUST_MANUAL, point.with(FakeServer.CONNECTIONS, 32L)).isEmpty());
    }

    @Test
    void aRunWithoutTheProgramsLeavesTheirModelsOutAndSaysHowToBuildThem() throws Exception {
        Plan plan = new Plan(List.of("brigade"), "smoke", List.of(), Map.of(), null);
        List<CellSpec> cells = plan.cells(new Catalog.BuiltIn());
        assertFalse(cells.stream().anyMatch(c -> c.model().external()));
        String sentence = plan.absentOriginals(new Catalog.BuiltIn()).orElseThrow();
        assertTrue(sentence.startsWith("rust-threads, rust-tokio are skipped: the Rust originals are not built in "), sentence);
        assertTrue(sentence.contains("./asyncbench setup rust-anchors SOURCES"), sentence);

        program("thread-brigade", "true");
        program("async-brigade", "true");
        List<CellSpec> withThem = plan.cells(new Catalog.BuiltIn());
        assertEquals(List.of(Model.RUST_THREADS, Model.RUST_TOKIO), withThem.stream().map(CellSpec::model).filter(Model::external).toList());
        assertTrue(plan.absentOriginals(new Catalog.BuiltIn()).isEmpty());
    }
}
