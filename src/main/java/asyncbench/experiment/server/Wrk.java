package asyncbench.experiment.server;

import asyncbench.experiment.Measurement;
import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the external load generator, run against a lab server for its requests per second: a warm-up run,
 * then a measured one. wrk is closed-loop and does not correct for coordinated omission, so only its
 * throughput is compared with the lab's own generator.
 */
final class Wrk {
    /** What one run of wrk reported. */
    record Result(long requests, double requestsPerSecond, long errors) {
    }

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {
    }

    /**
     * wrk opens its connections inside the time it measures (4,096 of them take a good part of a
     * second); its measured run lasts at least this long so that the setup is a small share of it.
     */
    static final long LEAST_SECONDS = 5;

    /** A warm-up run as long as the lab's own warm-up, then a measured run of the windows' length, at least {@link #LEAST_SECONDS}. */
    static Result run(int port, Map<String, Long> point, Measurement measurement, Duration warmup) throws IOException, InterruptedException {
        long windows = (long) measurement.iterations() * measurement.iteration().toMillis();
        run(port, point, Math.max(1, (warmup.toMillis() + 999) / 1000));
        return run(port, point, Math.max(LEAST_SECONDS, (windows + 999) / 1000));
    }

    private static Result run(int port, Map<String, Long> point, long seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c" + point.get(ServerExperiment.CONNECTIONS), "-d" + seconds + "s",
                "--timeout", "10s"));
        if (ServerExperiment.perRequest(point)) {
            cmd.addAll(List.of("-H", "Connection: close"));
        }
        cmd.add("http://127.0.0.1:" + port + Endpoint.PATH);
        Process wrk;
        try {
            wrk = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed here: ./asyncbench setup installs it (Debian package wrk)", e);
        }
        try {
            wrk.getOutputStream().close();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(seconds + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            return parse(out);
        } finally {
            wrk.destroyForcibly();
        }
    }

    /** Reads wrk's summary: the requests completed, their rate, and socket errors plus non-2xx/3xx answers. */
    static Result parse(String out) {
        Matcher requests = REQUESTS.matcher(out);
        Matcher rate = RATE.matcher(out);
        if (!requests.find() || !rate.find()) {
            throw new IllegalStateException("no request count and rate in wrk's output: " + out);
        }
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new Result(Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)), errors);
    }
}
