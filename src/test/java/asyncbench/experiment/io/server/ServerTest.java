package asyncbench.experiment.io.server;

import asyncbench.server.ServerProcess;
import asyncbench.server.Server;
import asyncbench.server.Endpoint;
import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.LatencyWindows;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.load.LoadCounts;
import asyncbench.model.Model;
import asyncbench.testing.Tools;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerTest {
    private final ServerExperiment experiment = new ServerExperiment();

    static Point point(Server server, long connections, boolean perRequest) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ServerExperiment.SERVER, server.id());
        p.put(ServerExperiment.CONNECTIONS, connections);
        p.put(ServerExperiment.CONNECTION, perRequest ? "perRequest" : "keepAlive");
        p.put(ServerExperiment.RATE, 2_000L);
        p.put(ServerExperiment.CLIENT, "asyncbench");
        return Point.of(p);
    }

    static Stream<Arguments> serversAndModels() {
        return Stream.of(Server.values()).flatMap(s -> s.models().stream().map(m -> Arguments.of(s, m)));
    }

    /** Every server under every model it runs answers exactly the requests sent, kept alive or one connection each. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("serversAndModels")
    void everyServerAnswersEveryRequestOnce(Server server, Model model) throws Exception {
        for (boolean perRequest : List.of(false, true)) {
            Map<String, Long> counts = experiment.countOnce(model, point(server, 8, perRequest));
            assertEquals(Map.of(ServerExperiment.REQUESTS, 32L, ServerExperiment.ANSWERED, 32L, ServerExperiment.SERVED, 32L),
                    counts, server.id() + " on " + model + (perRequest ? ", a connection per request" : ", kept alive"));
        }
    }

    @Test
    void aModelRunsOnlyTheServersBuiltForIt() {
        List<Point> grid = Stream.of(Server.values()).map(s -> point(s, 1, false)).toList();
        assertEquals(List.of(Server.NETTY), experiment.points(Model.EVENT_LOOP, grid).stream().map(ServerExperiment::server).toList());
        assertEquals(List.of(Server.JDK, Server.SOCKET), experiment.points(Model.PLATFORM, grid).stream().map(ServerExperiment::server).toList());
        assertEquals(List.of(Server.JDK, Server.SOCKET, Server.HELIDON),
                experiment.points(Model.VIRTUAL, grid).stream().map(ServerExperiment::server).toList());
        assertThrows(IllegalArgumentException.class, () -> Server.NETTY.start(Model.PLATFORM, null, null, new Endpoint()));
    }

    @Test
    void aCellReportsThroughputLatencyAndTheServersFootprint() throws Exception {
        Outcome outcome = experiment.run(Model.VIRTUAL, point(Server.SOCKET, 4, false),
                new Measurement(1, 2, Duration.ofMillis(100)), Probe.NONE);
        Metric rate = outcome.metrics().get(ServerExperiment.REQUESTS_PER_SECOND);
        assertEquals(2, rate.samples().size());
        assertTrue(rate.value() > 0);
        for (String p : LatencyWindows.metrics()) {
            if (p.equals(LatencyWindows.P999) && !outcome.metrics().containsKey(p)) {
                continue; // windows of fewer than 1,000 requests have no p99.9 but their maximum
            }
            assertTrue(outcome.metrics().get(p).value() > 0, p);
        }
        assertTrue(outcome.metrics().get(ServerExperiment.SERVER_RSS).value() > 1, "a JVM's resident memory is more than 1 MiB");
        assertTrue(outcome.metrics().get(ServerExperiment.SERVER_THREADS).value() >= 5, "four connections' threads and the acceptor");
        assertEquals(0.0, outcome.metrics().get(ServerExperiment.ERRORS).value());
        assertEquals(outcome.counters().get(ServerExperiment.ANSWERED), outcome.counters().get(ServerExperiment.SERVED));
    }

    /** The server process ends with its standard input: stopping it gives its count, and its port is closed afterwards. */
    @Test
    void aServerProcessLeavesNothingBehind() throws Exception {
        int port;
        long pid;
        try (ServerProcess server = ServerProcess.start(Server.JDK, Model.VIRTUAL)) {
            port = server.port();
            pid = server.pid();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(s.isConnected());
            }
            assertEquals(0, server.stop());
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server process is gone");
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void aServerProcessKilledWithoutStoppingIsGoneToo() throws Exception {
        long pid;
        try (ServerProcess server = ServerProcess.start(Server.NETTY, Model.EVENT_LOOP)) {
            pid = server.pid();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** A cell's JVM killed outright (a timeout, Ctrl-C) takes its server with it: the server's standard input ends. */
    @Test
    void aServerDiesWithTheCellThatStartedIt() throws Exception {
        Process cell = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cell.class.getName()).redirectErrorStream(true).start();
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(cell.getInputStream())).readLine();
            assertTrue(line != null && line.startsWith("server "), "the cell started a server: " + line);
            long pid = Long.parseLong(line.substring("server ".length()));
            assertTrue(ProcessHandle.of(pid).isPresent());
            cell.destroyForcibly().waitFor();
            ProcessHandle server = ProcessHandle.of(pid).orElse(null);
            if (server != null) {
                server.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server outlived its cell");
        } finally {
            cell.destroyForcibly();
        }
    }

    /** A stand-in for a cell: starts a server, says its pid, and waits to be killed. */
    static final class Cell {
        public static void main(String[] args) throws Exception {
            ServerProcess server = ServerProcess.start(Server.SOCKET, Model.PLATFORM);
            System.out.println("server " + server.pid());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }

    @Test
    void theServersCountMustMatchTheResponses() throws WorkMismatchException {
        LoadCounts clean = new LoadCounts(10, 10, 0, 0, 0, 0, 0, 0, 1, 0);
        ServerExperiment.verify(clean, 10, "");
        assertThrows(WorkMismatchException.class, () -> ServerExperiment.verify(clean, 9, ""));
        assertThrows(WorkMismatchException.class, () -> ServerExperiment.verify(clean, 11, ""));
        LoadCounts twoReset = new LoadCounts(12, 10, 0, 0, 0, 2, 0, 0, 3, 0);
        ServerExperiment.verify(twoReset, 12, "");
        assertThrows(WorkMismatchException.class, () -> ServerExperiment.verify(twoReset, 13, ""));
        assertThrows(WorkMismatchException.class, () -> ServerExperiment.verify(new LoadCounts(1, 0, 0, 0, 1, 0, 0, 0, 0, 0), 0, ""));
    }

    @Test
    void wrksSummaryIsRead() {
        String out = """
                Running 1s test @ http://127.0.0.1:8080/json
                  1 threads and 16 connections
                  Thread Stats   Avg      Stdev     Max   +/- Stdev
                    Latency   310.12us  120.50us   5.10ms   90.00%
                    Req/Sec    45.10k     2.00k   48.00k    70.00%
                  45123 requests in 1.00s, 6.50MB read
                  Socket errors: connect 0, read 2, write 1, timeout 3
                  Non-2xx or 3xx responses: 4
                Requests/sec:  45080.25
                Transfer/sec:      6.49MB
                """;
        Wrk.Result r = Wrk.parse(out);
        assertEquals(45123, r.requests());
        assertEquals(45080.25, r.requestsPerSecond());
        assertEquals(10, r.errors());
        assertThrows(IllegalStateException.class, () -> Wrk.parse("wrk: invalid option"));
    }

    /** wrk is installed by the project's set-up script where it can be; the cell with client=wrk then runs. */
    @Test
    void wrkLoadsTheSameServer() throws Exception {
        Assumptions.assumeTrue(Tools.require("wrk").isPresent(), "wrk is not installed and scripts/setup could not install it");
        Point point = point(Server.NETTY, 4, false).with(ServerExperiment.CLIENT, "wrk");
        Outcome outcome = experiment.run(Model.EVENT_LOOP, point, new Measurement(1, 1, Duration.ofMillis(100)), Probe.NONE);
        assertTrue(outcome.metrics().get(ServerExperiment.REQUESTS_PER_SECOND).value() > 0, "wrk's rate");
        assertTrue(outcome.metrics().get(ServerExperiment.LAB_REQUESTS_PER_SECOND).value() > 0, "the lab's rate on the same server");
        assertTrue(outcome.metrics().get(ServerExperiment.LAB_OVER_WRK).value() > 0);
        long served = outcome.counters().get(ServerExperiment.SERVED);
        long counted = outcome.counters().get(ServerExperiment.ANSWERED);
        assertTrue(served >= counted && served - counted <= 4,
                "the server answered what the clients counted, and at most one request per connection wrk left in flight when it stopped: "
                        + served + " against " + counted);
    }
}
