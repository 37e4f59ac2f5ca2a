package asyncbench.cli;

import asyncbench.load.LoadCounts;
import asyncbench.load.LoadGenerator;
import asyncbench.load.Target;
import asyncbench.catalog.UsageException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Sends bounded HTTP/1.1 load to a URL, as the server experiment does, and prints requests/s, latency percentiles and errors. Closed-loop by default; with --rate, at a fixed rate with latency counted from each request's slot (coordinated omission corrected).")
final class LoadCommand implements Callable<Integer> {
    private static final long MAX_SECONDS = 3_600;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "http://host[:port]/path")
    String url;

    @Option(names = {"-c", "--connections"}, defaultValue = "16", description = "connections, one request in flight on each (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = {"-d", "--duration"}, defaultValue = "10", description = "seconds of load after the warm-up, at most " + MAX_SECONDS + " (default: ${DEFAULT-VALUE})")
    long seconds;

    @Option(names = "--warmup", defaultValue = "1", description = "seconds of load before counting (default: ${DEFAULT-VALUE})")
    long warmupSeconds;

    @Option(names = {"-n", "--requests"}, defaultValue = "0", description = "stop after this many requests in all (0: no limit but the duration)")
    long requests;

    @Option(names = {"-R", "--rate"}, defaultValue = "0", description = "requests per second in all; 0 sends closed-loop, as fast as answers come")
    double rate;

    @Option(names = "--per-request", description = "a new connection per request (Connection: close), the short-lived case")
    boolean perRequest;

    @Option(names = {"-t", "--threads"}, defaultValue = "1", description = "load threads, each with its share of the connections (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds a request may wait for its answer before it counts as an error (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        Target target;
        try {
            target = Target.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new UsageException("--duration must be between 1 and " + MAX_SECONDS + " seconds, was " + seconds);
        }
        if (warmupSeconds < 0 || warmupSeconds > MAX_SECONDS) {
            throw new UsageException("--warmup must be between 0 and " + MAX_SECONDS + " seconds, was " + warmupSeconds);
        }
        if (connections < 1 || threads < 1 || threads > connections) {
            throw new UsageException("--connections must be at least 1 and --threads between 1 and the connections, were "
                    + connections + " and " + threads);
        }
        if (rate < 0 || requests < 0 || timeoutSeconds < 1) {
            throw new UsageException("--rate and --requests must be 0 or more and --timeout at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        LoadGenerator.Settings settings = new LoadGenerator.Settings(target, connections, perRequest, threads, null,
                Duration.ofSeconds(timeoutSeconds), requests);
        out.printf(Locale.ROOT, "Load on %s: %d connections%s, %s, %d s after %d s of warm-up%n", target, connections,
                perRequest ? " (one per request)" : " (kept alive)", rate > 0 ? "at " + rate + " requests/s" : "closed-loop",
                seconds, warmupSeconds);
        out.flush();
        LoadCounts counts;
        Histogram latency;
        double elapsed;
        String lastProblem;
        // the answers still owed when the time is up get this long, then count as cut off, not as timeouts
        Duration drain = Duration.ofSeconds(Math.min(timeoutSeconds, 1));
        if (warmupSeconds > 0) {
            // a warm-up of its own, so that -n counts only the measured requests
            LoadGenerator.Settings warm = new LoadGenerator.Settings(target, connections, perRequest, threads, null,
                    Duration.ofSeconds(timeoutSeconds), 0);
            try (LoadGenerator load = LoadGenerator.start(warm)) {
                if (rate > 0) {
                    load.fixedRate(rate);
                }
                load.awaitFinished(Duration.ofSeconds(warmupSeconds));
                load.stop(drain);
            }
        }
        try (LoadGenerator load = LoadGenerator.start(settings)) {
            if (rate > 0) {
                load.fixedRate(rate);
            }
            latency = load.intervalLatency(null);
            long start = System.nanoTime();
            load.awaitFinished(Duration.ofSeconds(seconds));
            elapsed = (System.nanoTime() - start) / 1e9;
            latency = load.intervalLatency(latency);
            counts = load.stop(drain);
            lastProblem = load.lastProblem();
        }
        if (counts.errors() > 0) {
            out.println("Last error: " + printable(lastProblem));
        }
        out.printf(Locale.ROOT, "Requests/sec: %.1f  (%d answered with 2xx in %.2f s)%n", counts.answered() / elapsed, counts.answered(), elapsed);
        out.printf(Locale.ROOT, "Latency (%s), us: p50 %d  p90 %d  p99 %d  p99.9 %d  max %d%n",
                rate > 0 ? "from each request's slot" : "from each request's send",
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(90), latency.getValueAtPercentile(99),
                latency.getValueAtPercentile(99.9), latency.getMaxValue());
        out.printf(Locale.ROOT, "Errors: %d  (non-2xx %d, wrong body %d, connect %d, reset %d, timeout %d, protocol %d); connections opened %d%n",
                counts.errors(), counts.badStatus(), counts.badBody(), counts.connectErrors(), counts.resets(), counts.timeouts(),
                counts.protocolErrors(), counts.connections());
        out.printf(Locale.ROOT, "Requests sent %d: answered %d (any status), failed without an answer %d, cut off at the end %d%n",
                counts.sent(), counts.responses(), counts.connectErrors() + counts.resets() + counts.timeouts() + counts.protocolErrors(),
                counts.unanswered());
        out.flush();
        if (counts.answered() == 0) {
            spec.commandLine().getErr().println("asyncbench: no request to " + target + " was answered with 2xx"
                    + (lastProblem.isEmpty() ? "" : "; the last problem: " + printable(lastProblem)));
            return 1;
        }
        return 0;
    }

    /** Text from the network made safe for a terminal: every control or non-ASCII character as \\xNN. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c & 0xff));
            }
        }
        return b.toString();
    }
}
