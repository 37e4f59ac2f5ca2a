package asyncbench.experiment.io.server;

import asyncbench.experiment.Spec;
import asyncbench.server.ServerProcess;
import asyncbench.server.Server;
import asyncbench.server.Endpoint;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Chart;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.LatencyWindows;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Windows;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.load.LoadCounts;
import asyncbench.load.LoadGenerator;
import asyncbench.load.Target;
import asyncbench.model.Model;
import asyncbench.model.Style;
import asyncbench.os.KernelLimits;
import asyncbench.os.ProcStatus;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Real HTTP servers under load on loopback: one endpoint answering a small JSON document, served by the
 * JDK's HttpServer, a blocking ServerSocket, Helidon 4, Netty and Ktor, each in a JVM of its own, under the
 * models it is built for. The cell's JVM is the load generator: first closed-loop, for the requests per
 * second the server reaches (the figure); then at a fixed rate, for latency percentiles counted from each
 * request's slot (coordinated omission corrected). Connections are kept alive or opened per request (the
 * short-lived case). The server's resident memory, threads and CPU per request are read from /proc.
 * Equal work: every response is a 2xx with the expected body, and the server answered exactly as many
 * requests as the client received.
 */
public final class ServerExperiment implements Experiment {
    public static final String SERVER = "server";
    public static final String CONNECTIONS = "connections";
    public static final String CONNECTION = "connection";
    public static final List<String> CONNECTION_KINDS = List.of("keepAlive", "perRequest");
    public static final String RATE = "rate";
    public static final String CLIENT = "client";
    public static final List<String> CLIENTS = List.of("asyncbench", "wrk");

    public static final String REQUESTS_PER_SECOND = "requestsPerSecond";
    public static final String FIXED_RATE_ACHIEVED = "fixedRateAchievedPerSecond";
    public static final String SERVER_RSS = "serverRssMiB";
    public static final String SERVER_THREADS = "serverThreads";
    public static final String CPU_PER_REQUEST = "serverCpuMicrosPerRequest";
    public static final String ERRORS = "errors";
    /** With {@code client=wrk}: the lab's own rate on the same server, and its ratio to wrk's. */
    public static final String LAB_REQUESTS_PER_SECOND = "asyncbenchRequestsPerSecond";
    public static final String LAB_OVER_WRK = "asyncbenchOverWrk";

    public static final String REQUESTS = "requests";
    public static final String ANSWERED = "answered";
    public static final String SERVED = "servedByServer";
    private static final long COUNTED_PER_CONNECTION = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /**
     * Windows of load before the profile's warm-up windows, up to {@link #MOST_WARMUP}: both JVMs start
     * cold, and a server reaches a steady rate only after seconds of compiling (Netty at 256 connections:
     * 14,000, 28,000, 29,000, then 54,000 req/s in its first four seconds here). Quick, in windows of 100 ms: 0.8 s.
     */
    static final int WARMUP_WINDOWS = 8;
    static final Duration MOST_WARMUP = Duration.ofSeconds(10);
    private static final Set<Model> MODELS = Set.of(Model.PLATFORM, Model.VIRTUAL, Model.EVENT_LOOP, Model.COROUTINE);

    private static final Spec SPEC = Spec.of("server", "real HTTP servers (JDK HttpServer, ServerSocket, Helidon, Netty, Ktor) answering JSON on loopback to a load generator in another JVM; requests/s, latency, server memory and threads",
            new Origin("The .NET runtime experiment's scenario \"a web server servicing requests through an async pipeline\", "
                + "with TechEmpower's JSON test as the endpoint, served by real servers (JDK HttpServer, ServerSocket, Helidon, Netty, Ktor).",
                "The discussion's claim: with many short-lived connections the cost of setting one up dominates, and with "
                + "enough requests in flight both models reach the same I/O throughput."),
            List.of(Style.THREADS, Style.EVENT_LOOP, Style.COROUTINES),
            paramsOf(),
            new Headline(REQUESTS_PER_SECOND, true))
            .withOnly(MODELS)
            .withCharts(List.of(
                Chart.against("Server: requests per second against connections", CONNECTIONS, REQUESTS_PER_SECOND,
                        "requests/s", true, false).by(SERVER),
                Chart.across("Server: latency by percentile at a fixed rate (corrected for coordinated omission)",
                        LatencyWindows.metrics(), LatencyWindows.labels(), "percentile", "latency (us)", true).by(SERVER)));

    @Override
    public Spec spec() {
        return SPEC;
    }

    private static List<Param> paramsOf() {        List<String> servers = Server.ids();
        return List.of(
                Param.choice(SERVER, "the server: " + String.join(", ", servers) + " (each runs under the models it is built for)",
                        servers, servers, servers, servers),
                Param.of(CONNECTIONS, "connections the load generator keeps busy, one request in flight on each", 1, 20_000,
                        List.of(16L), List.of(256L), List.of(1L, 16L, 256L, 4096L)),
                Param.choice(CONNECTION, "keepAlive: one connection serves many requests; perRequest: a connection per request (Connection: close)",
                        CONNECTION_KINDS, List.of("keepAlive"), List.of("keepAlive"), CONNECTION_KINDS),
                Param.of(RATE, "requests per second in all for the latency phase, at a fixed rate", 1, 10_000_000,
                        List.of(2_000L), List.of(2_000L), List.of(2_000L)),
                Param.choice(CLIENT, "the load generator: asyncbench's own, or wrk (throughput only; installed by ./asyncbench setup)",
                        CLIENTS, List.of("asyncbench"), List.of("asyncbench"), List.of("asyncbench")));
    }

    /** A model runs the servers built for it. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return grid.stream().filter(p -> server(p).models().contains(model)).toList();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 256;
    }

    static Server server(Point point) {
        return Server.byId(point.choice(SERVER)).orElseThrow();
    }

    static boolean perRequest(Point point) {
        return point.choice(CONNECTION).equals("perRequest");
    }

    static boolean wrk(Point point) {
        return point.choice(CLIENT).equals("wrk");
    }

    /** Both ends hold a descriptor per connection, and a thread-per-connection server a thread each. */
    private static void requireRoom(Model model, Point point) throws LimitReachedException {
        long connections = point.count(CONNECTIONS);
        long files = KernelLimits.openFiles();
        if (connections + 200 > files) {
            throw new LimitReachedException(files - 200, "ulimit -n",
                    connections + " connections need as many open files in each process, and ulimit -n is " + files);
        }
        if (model.osThreadPerTask() && server(point) == Server.SOCKET) {
            LimitReachedException.requireThreads(connections + 100);
        }
    }

    private static LoadGenerator.Settings settings(ServerProcess server, Point point, long maxRequests) {
        Target target = new Target(InetAddress.getLoopbackAddress().getHostAddress(), server.port(), Endpoint.PATH);
        return new LoadGenerator.Settings(target, point.intCount(CONNECTIONS), perRequest(point), 1,
                Endpoint.expectedBody(), TIMEOUT, maxRequests);
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        requireRoom(model, point);
        long requests = COUNTED_PER_CONNECTION * point.count(CONNECTIONS);
        try (ServerProcess server = ServerProcess.start(server(point), model)) {
            LoadCounts counts;
            try (LoadGenerator load = LoadGenerator.start(settings(server, point, requests))) {
                if (!load.awaitFinished(Duration.ofSeconds(60))) {
                    throw new IllegalStateException(requests + " requests not answered within 60 s: " + load.counts());
                }
                counts = load.stop(DRAIN);
            }
            long served = server.stop();
            if (counts.errors() > 0 || counts.sent() != requests) {
                throw new WorkMismatchException(requests + " requests to send, and every one answered, but: " + load(counts));
            }
            verify(counts, served, load(counts));
            Map<String, Long> counters = new LinkedHashMap<>();
            counters.put(REQUESTS, counts.sent());
            counters.put(ANSWERED, counts.answered());
            counters.put(SERVED, served);
            return counters;
        }
    }

    private static String load(LoadCounts counts) {
        return counts.asMap().toString();
    }

    /**
     * The server answered every request the client saw answered; with no failure, exactly those. A
     * failed request may or may not have reached it, so failures only bound the difference.
     */
    static void verify(LoadCounts counts, long served, String detail) throws WorkMismatchException {
        if (counts.answered() == 0) {
            throw new WorkMismatchException("no request was answered with the expected body: " + detail);
        }
        long unexplained = counts.errors() + counts.unanswered();
        if (served < counts.responses() || served > counts.responses() + unexplained) {
            throw new WorkMismatchException("the server answered " + served + " requests, the client received "
                    + counts.responses() + " responses with " + unexplained + " requests failed or unanswered: " + detail);
        }
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        requireRoom(model, point);
        Map<String, Long> counters = new LinkedHashMap<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        try (ServerProcess server = ServerProcess.start(server(point), model)) {
            if (wrk(point)) {
                return againstWrk(server, point, measurement);
            }
            LoadCounts counts;
            long sampledThreads = 0;
            try (LoadGenerator load = LoadGenerator.start(settings(server, point, 0))) {
                Thread.sleep(warmup(measurement));
                List<Double> rates = new ArrayList<>();
                long cpuBefore = server.cpuNanos();
                LoadCounts before = load.counts();
                for (int w = 0; w < measurement.iterations(); w++) {
                    LoadCounts start = load.counts();
                    long t0 = System.nanoTime();
                    sleepWindows(1, measurement);
                    LoadCounts end = load.counts();
                    rates.add(end.answered() - start.answered() == 0 ? 0.0
                            : (end.answered() - start.answered()) * 1e9 / (System.nanoTime() - t0));
                    sampledThreads = Math.max(sampledThreads, server.status().threads());
                }
                LoadCounts closed = load.counts().minus(before);
                long cpu = server.cpuNanos() - cpuBefore;
                probe.peak();
                metrics.put(REQUESTS_PER_SECOND, Windows.of(rates, "req/s"));
                metrics.put(CPU_PER_REQUEST, Metric.once(closed.answered() == 0 ? 0 : cpu / 1e3 / closed.answered(), "us"));

                load.pause(TIMEOUT);
                load.fixedRate(point.count(RATE));
                sleepWindows(1, measurement);
                Histogram window = load.intervalLatency(null);
                LatencyWindows latency = new LatencyWindows();
                LoadCounts fixedStart = load.counts();
                long f0 = System.nanoTime();
                for (int w = 0; w < measurement.iterations(); w++) {
                    sleepWindows(1, measurement);
                    window = load.intervalLatency(window);
                    latency.add(window);
                    sampledThreads = Math.max(sampledThreads, server.status().threads());
                }
                LoadCounts fixedEnd = load.counts();
                metrics.put(FIXED_RATE_ACHIEVED, Metric.once(
                        (fixedEnd.responses() - fixedStart.responses()) * 1e9 / (System.nanoTime() - f0), "req/s"));
                if (latency.any()) {
                    metrics.putAll(latency.metrics("us"));
                }
                ProcStatus status = server.status();
                metrics.put(SERVER_RSS, Metric.once(status.peakRssBytes() / (1024.0 * 1024.0), "MiB"));
                metrics.put(SERVER_THREADS, Metric.once(sampledThreads, "threads"));
                counts = load.stop(DRAIN);
            }
            long served = server.stop();
            verify(counts, served, load(counts));
            metrics.put(ERRORS, Metric.once(counts.errors(), "requests"));
            counters.put(REQUESTS, counts.sent());
            counters.put(ANSWERED, counts.answered());
            counters.put(SERVED, served);
            counts.asMap().forEach((k, v) -> {
                if (v > 0 && !k.equals("sent") && !k.equals("answered")) {
                    counters.put(k, v);
                }
            });
            return new Outcome(metrics, counters);
        }
    }

    /**
     * wrk and the lab's generator on one warm server, in turns of {@link Wrk#SECONDS}: the lab's, wrk's,
     * the lab's again (so that the server warming on does not favour either). The figure is wrk's rate;
     * the lab's is the mean of its two turns, and {@link #LAB_OVER_WRK} their ratio.
     */
    private static Outcome againstWrk(ServerProcess server, Point point, Measurement measurement) throws Exception {
        Duration turn = Duration.ofSeconds(Wrk.SECONDS);
        double before;
        double after;
        LoadCounts first;
        try (LoadGenerator load = LoadGenerator.start(settings(server, point, 0))) {
            Thread.sleep(warmup(measurement));
            before = rate(load, turn);
            first = load.stop(DRAIN);
        }
        Wrk.Result wrk = Wrk.run(server.port(), point);
        LoadCounts second;
        try (LoadGenerator load = LoadGenerator.start(settings(server, point, 0))) {
            after = rate(load, turn);
            second = load.stop(DRAIN);
        }
        long served = server.stop();
        long answered = first.answered() + second.answered() + wrk.requests();
        if (served < answered) {
            throw new WorkMismatchException("the clients counted " + answered + " answers, the server answered " + served);
        }
        double lab = (before + after) / 2;
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(REQUESTS_PER_SECOND, Metric.once(wrk.requestsPerSecond(), "req/s"));
        metrics.put(LAB_REQUESTS_PER_SECOND, Metric.once(lab, "req/s"));
        metrics.put(LAB_OVER_WRK, Metric.once(lab / wrk.requestsPerSecond(), "ratio"));
        metrics.put(ERRORS, Metric.once(wrk.errors() + first.errors() + second.errors(), "requests"));
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(ANSWERED, answered);
        counters.put(SERVED, served);
        return new Outcome(metrics, counters);
    }

    /** Answers per second over {@code turn}. */
    private static double rate(LoadGenerator load, Duration turn) throws InterruptedException {
        long before = load.counts().answered();
        long start = System.nanoTime();
        Thread.sleep(turn);
        return (load.counts().answered() - before) * 1e9 / (System.nanoTime() - start);
    }

    /** The server's warm-up, then the profile's warm-up windows. */
    static Duration warmup(Measurement measurement) {
        // smoke's 100 ms windows only check that everything runs: no warm-up of the server's own there
        Duration server = measurement.iteration().compareTo(Duration.ofMillis(250)) < 0 ? Duration.ZERO
                : measurement.iteration().multipliedBy(WARMUP_WINDOWS);
        return (server.compareTo(MOST_WARMUP) <= 0 ? server : MOST_WARMUP)
                .plus(measurement.iteration().multipliedBy(measurement.warmupIterations()));
    }

    private static void sleepWindows(int windows, Measurement measurement) throws InterruptedException {
        for (int i = 0; i < windows; i++) {
            Thread.sleep(measurement.iteration());
        }
    }
}
