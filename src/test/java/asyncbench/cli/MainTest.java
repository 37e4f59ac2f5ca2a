package asyncbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input exits with 2 and one message naming what is valid, never a stack trace. */
class MainTest {
    @TempDir
    Path results;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run nosuch| unknown experiment 'nosuch'; valid: calibration, signal-grid, signal-pair, waiters, fake-server, handover",
        "run signal-grid --models carrier| unknown model 'carrier'; valid: platform, virtual, virtual1, continuation, future, futurePool, eventLoop, tasks",
        "run signal-grid --models eventLoop| model 'eventLoop' is not supported by signal-grid; supported: platform, virtual, virtual1, future, futurePool",
        "run signal-grid --param threads=4| unknown parameter 'threads' for signal-grid; valid: readers, writers",
        "run signal-grid --param readers=lots| malformed value 'lots' for parameter 'readers'",
        "run signal-grid --param readers=2^9..2^5| empty range '2^9..2^5'",
        "run signal-grid --param readers=-4| parameter 'readers' cannot be negative, was -4",
        "run signal-grid --param readers=0| parameter 'readers' must be at least 1, was 0",
        "run fake-server --param syscallsPerCall=0..2| parameter 'syscallsPerCall' must be between 0 and 1, was 2",
        "run signal-grid --param readers=| no values for parameter 'readers'",
        "run signal-grid --param readers| malformed --param 'readers'",
        "run signal-grid --profile huge| unknown profile 'huge'; valid: smoke, quick, full",
        "run signal-grid --cell-timeout 0| --cell-timeout must be a positive number of seconds",
        "run signal-grid --cell-timeout soon| Invalid value for option '--cell-timeout'",
        "run signal-grid --compare future| malformed comparison 'future'",
        "run signal-grid --compare fast/platform| unknown model 'fast' in comparison",
        "run --resume nope| no run 'nope'",
        "run --resume nope signal-grid| --resume takes the run's own plan",
        "run --frobnicate| Unknown option: '--frobnicate'",
        "report| no runs under",
        "run signal-grid --param readers=2 --param writers=4| signal-grid cannot run at readers=2 writers=4 counting=shared completion=queued: writers (4) must not exceed readers (2)",
        "run waiters --models virtual --param waiters=2^34| needs a",
        "run waiters --models virtual --param waiters=2^34| fits",
        "run signal-pair --param counting=fast| unknown value 'fast' for parameter 'counting'; valid: shared, perReader",
        "run --results /proc/asyncbench-nowhere| cannot write results under /proc/asyncbench-nowhere: give --results a directory",
        "compare nope other| no run 'nope' under",
        "compare latest previous| no latest run under",
        "compare a b --fail-on slower| --fail-on must be none or worse, was 'slower'",
        "run signal-grid --budget soon| --budget must be a time such as 90s, 15m, 2h or 1h30m, was 'soon'",
        "run signal-grid --budget 8d| --budget must be a time such as 90s, 15m, 2h or 1h30m",
        "run signal-grid --budget 200h| --budget must be between 0 and 7 days",
        "run signal-grid --name ../up| --name must be 1 to 64 letters, digits",
        "run signal-grid --name latest| --name cannot be 'latest' or 'previous'",
        "run --resume nope --budget 1m| --resume takes the run's own plan",
        "run signal-grid --shard 3/2| --shard must be K/N with 1 <= K <= N",
        "run signal-grid --shard 4| --shard 4 needs this machine's K",
        "run signal-grid --jvm-arg=-XX:+UseNoSuchGC| --jvm-arg: the JVM does not start with -XX:+UseNoSuchGC: Unrecognized VM option 'UseNoSuchGC'",
        "run signal-grid --param readers=1..| malformed range '1..' for parameter 'readers': a range needs both ends",
        "run signal-grid --shard abc| --shard must be K/N (this machine's share K of N, e.g. 2/4)",
        "run signal-grid --param readers=32 --param readers=64| --param readers is given twice",
        "run --resume nope --profile full| --resume takes the run's own plan",
        "run signal-grid --jvm-arg=-Xmx1k| --jvm-arg: the JVM does not start with -Xmx1k: Error occurred during initialization of VM: Too small maximum heap",
        "launch| Unmatched argument at index 0: 'launch'"})
    void badInputExitsWith2AndOneMessage(String args, String expected) {
        String[] argv = (args + (args.contains("--results") ? "" : " --results " + results)).split(" ");
        if (args.startsWith("launch")) {
            argv = new String[] {"launch"};
        }
        assertUsageError(argv, expected);
    }

    /** Runs the command line and checks it exits with 2 and one message holding {@code expected}, without a trace. */
    private static void assertUsageError(String[] argv, String expected) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Main.execute(argv);
        } finally {
            System.setErr(saved);
        }
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertFalse(message.contains("\tat "), "no stack trace: " + message);
        assertFalse(message.contains("Exception"), "no exception name: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "serve --server tomcat| no server 'tomcat'; the servers are jdk, socket, helidon, netty, ktor",
        "serve --server netty --model platform| netty runs under eventLoop, not 'platform'",
        "serve --server jdk --port 70000| --port must be between 0 and 65535",
        "load https://127.0.0.1/json| only http://host[:port]/path URLs are supported",
        "load http://127.0.0.1:1/json --duration 0| --duration must be between 1 and 3600 seconds",
        "load http://127.0.0.1:1/json -c 2 -t 3| --threads between 1 and the connections"})
    void badServerAndLoadInputExitsWith2(String args, String expected) {
        assertUsageError(args.split(" "), expected);
    }

    @Test
    void aBudgetIsWrittenAsPeopleWriteTimes() throws Exception {
        assertEquals(900, RunCommand.budgetSeconds("15m"));
        assertEquals(5400, RunCommand.budgetSeconds("1h30m"));
        assertEquals(90, RunCommand.budgetSeconds("90s"));
        assertEquals(90, RunCommand.budgetSeconds("90"));
        assertEquals(0, RunCommand.budgetSeconds("0"));
    }

    /** Two runs of signal-pair: B's virtual is half as fast, in three JVMs each. */
    private void twoRuns() throws Exception {
        for (String run : java.util.List.of("a", "b")) {
            Path dir = java.nio.file.Files.createDirectories(results.resolve(run));
            asyncbench.result.Json.MAPPER.writeValue(dir.resolve("plan.json").toFile(), new asyncbench.runner.Plan(
                    java.util.List.of("signal-pair"), "quick", java.util.List.of(), Map.of(), null, null, null, null,
                    java.util.List.of(), null, run.equals("b") ? "after" : null));
            try (asyncbench.result.ResultsFile out = asyncbench.result.ResultsFile.append(dir.resolve("results.jsonl"))) {
                for (String model : java.util.List.of("platform", "virtual")) {
                    double v = run.equals("b") && model.equals("virtual") ? 50 : 100;
                    asyncbench.result.Metric m = asyncbench.result.Metric.ofForks(java.util.List.of(
                            asyncbench.result.Metric.once(v, "it/s"), asyncbench.result.Metric.once(v * 1.01, "it/s"),
                            asyncbench.result.Metric.once(v * 0.99, "it/s")));
                    out.add(new asyncbench.result.CellResult(run, "signal-pair", model, "quick",
                            asyncbench.result.Point.of(Map.of("counting", "shared")),
                            asyncbench.result.Status.OK, null, null, Map.of("iterationsPerSecond", m), Map.of("iterations", 1L),
                            null, null, null, null, null));
                }
            }
        }
    }

    @Test
    void aRunSavedWithChoicesByPositionIsRefusedUntilConvertedOnce() throws Exception {
        Path dir = java.nio.file.Files.createDirectories(results.resolve("old"));
        java.nio.file.Files.writeString(dir.resolve("plan.json"), "{\"experiments\":[\"signal-pair\"],\"profile\":\"quick\","
                + "\"models\":[],\"params\":{\"counting\":[0]}}");
        StringBuilder lines = new StringBuilder();
        for (String model : java.util.List.of("platform", "virtual")) {
            lines.append("{\"runId\":\"old\",\"experiment\":\"signal-pair\",\"model\":\"").append(model)
                    .append("\",\"profile\":\"quick\",\"params\":{\"readers\":1,\"writers\":1,\"counting\":0},\"status\":\"ok\","
                            + "\"metrics\":{\"iterationsPerSecond\":{\"value\":100.0,\"unit\":\"it/s\",\"forks\":[99.0,101.0]}},"
                            + "\"counters\":{\"iterations\":1}}\n");
        }
        java.nio.file.Files.writeString(dir.resolve("results.jsonl"), lines);
        assertUsageError(new String[] {"report", "old", "--results", results.toString()},
                "stores each choice by its position (the format before 2); convert it once with: ./asyncbench convert");

        assertEquals(0, Main.execute("convert", "old", "--results", results.toString()));
        String converted = java.nio.file.Files.readString(dir.resolve("results.jsonl"));
        assertTrue(converted.startsWith("{\"format\":2,\"runId\":\"old\""), converted);
        assertTrue(converted.contains("\"params\":{\"readers\":1,\"writers\":1,\"counting\":\"shared\"}"), converted);
        assertTrue(java.nio.file.Files.readString(dir.resolve("plan.json")).contains("\"shared\""), "the plan's choices too");
        java.util.List<asyncbench.result.CellResult> cells = asyncbench.result.ResultsFile.read(dir.resolve("results.jsonl")).results();
        assertEquals(2, cells.size());
        assertEquals("shared", cells.getFirst().params().choice("counting"));
        assertEquals(0, Main.execute("report", "old", "--results", results.toString()), "a converted run renders");
        assertEquals(0, Main.execute("convert", "old", "--results", results.toString()), "converting twice changes nothing");
        assertEquals(converted, java.nio.file.Files.readString(dir.resolve("results.jsonl")));
    }

    @Test
    void compareFailsOnAWorseCellOnlyWhenAskedTo() throws Exception {
        twoRuns();
        assertEquals(0, Main.execute(new String[] {"compare", "a", "b", "--results", results.toString()}));
        assertEquals(1, Main.execute(new String[] {"compare", "previous", "latest", "--fail-on", "worse", "--results", results.toString()}),
                "virtual halved in b");
        assertEquals(0, Main.execute(new String[] {"compare", "after", "a", "--fail-on", "worse", "--results", results.toString()}),
                "the other way round it got better: nothing worse");
    }

    @Test
    void doctorShowsMemoryInGibibytes() {
        assertEquals("23.5 GiB", DoctorCommand.gibibytes("24684096 kB"));
        assertEquals("unknown units", DoctorCommand.gibibytes("unknown units"));
    }

    @Test
    void aShardsNumberComesFromTheEnvironmentWhenOnlyTheirCountIsGiven() throws Exception {
        RunCommand run = new RunCommand();
        run.shard = "3";
        assertEquals("2/3", run.shard(Map.of("ASYNCBENCH_SHARD", "2")));
        assertEquals("1/3", run.shard(Map.of("JOB_COMPLETION_INDEX", "0")));
        run.shard = "2/3";
        assertEquals("2/3", run.shard(Map.of("JOB_COMPLETION_INDEX", "0")), "K/N as given wins");
    }

    /** A run in which no cell measured anything does not exit 0. */
    @Test
    void aRunWhereNothingMeasuredExitsNonZero() {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code = Main.execute("run", "throw", "--catalog", "asyncbench.runner.TestCatalog", "--param", "n=1",
                    "--models", "platform", "--results", results.toString());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertEquals(1, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no cell of this run measured anything (error)"));
    }

    @Test
    void countsPrintsIdenticalCallsForEveryModel() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = Main.execute("run", "fake-server", "--counts", "--param", "syscallsPerCall=0");
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("fake-server eventLoop connections=256 syscallsPerCall=0: "
                + "register=257 unregister=257 poll=258 accept=512 read=512 write=512"), printed);
        // the originals, programs outside the JVM, count nothing here
        assertEquals(new asyncbench.experiment.rust.FakeServer().spec().models().stream().filter(m -> !m.external()).count(),
                printed.lines().filter(l -> l.contains("poll=258 accept=512 read=512 write=512")).count(), printed);
        assertTrue(printed.contains("Every model made identical calls at each point."), printed);
    }

    @Test
    void countsAtSeveralPointsGiveEachPointItsOwnFilesAndDocument() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = Main.execute("run", "json-stream", "pump", "--counts", "--models", "platform", "--param", "orders=10,100",
                    "--param", "files=2,3", "--param", "fileKiB=8", "--param", "workMicros=0");
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        long small = counter(printed, "json-stream platform orders=10 ", "bytesReceived");
        long large = counter(printed, "json-stream platform orders=100 ", "bytesReceived");
        assertTrue(large > 5 * small, "the second point wrote its own, larger document: " + printed);
        long two = counter(printed, "pump platform files=2 ", "byteSum");
        long three = counter(printed, "pump platform files=3 ", "byteSum");
        assertTrue(three > two, "the second point read its own three files: " + printed);
    }

    private static long counter(String printed, String cell, String name) {
        String line = printed.lines().filter(l -> l.startsWith(cell)).findFirst().orElseThrow(() -> new AssertionError(cell + " in " + printed));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b" + name + "=(\\d+)").matcher(line);
        assertTrue(m.find(), name + " in " + line);
        return Long.parseLong(m.group(1));
    }
}
