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
        "run nosuch| unknown experiment 'nosuch'; valid: signal-grid, signal-pair, waiters, fake-server, handover",
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
        "run signal-grid --param readers=2 --param writers=4| signal-grid cannot run at readers=2 writers=4 counting=shared: writers (4) must not exceed readers (2)",
        "run waiters --models virtual --param waiters=2^34| needs a",
        "run waiters --models virtual --param waiters=2^34| fits",
        "run signal-pair --param counting=fast| unknown value 'fast' for parameter 'counting'; valid: shared, perReader",
        "run --results /proc/asyncbench-nowhere| cannot write results under /proc/asyncbench-nowhere: give --results a directory",
        "compare nope other| no run 'nope' under",
        "run signal-grid --shard 3/2| --shard must be K/N with 1 <= K <= N",
        "run signal-grid --shard 4| --shard 4 needs this machine's K",
        "run signal-grid --jvm-arg=-XX:+UseNoSuchGC| --jvm-arg: the JVM does not start with -XX:+UseNoSuchGC: Unrecognized VM option 'UseNoSuchGC'",
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
        assertEquals(new asyncbench.experiment.fakeserver.FakeServer().models().size(),
                printed.lines().filter(l -> l.contains("poll=258 accept=512 read=512 write=512")).count(), printed);
        assertTrue(printed.contains("Every model made identical calls at each point."), printed);
    }
}
