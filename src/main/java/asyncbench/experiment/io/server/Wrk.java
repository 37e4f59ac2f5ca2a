package asyncbench.experiment.io.server;

import asyncbench.server.Endpoint;
import asyncbench.result.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the external load generator, run against a lab server for its requests per second. wrk is closed-loop and does not correct for coordinated omission, so only its
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
     * Seconds of each turn when wrk and the lab's generator take turns on one server: wrk opens its
     * connections inside the time it measures (4,096 of them take a part of a second), so a turn is
     * long beside that.
     */
    static final long SECONDS = 3;

    /** One measured run of {@link #SECONDS}. */
    static Result run(int port, Point point) throws IOException, InterruptedException {
        return run(port, point, SECONDS);
    }

    private static Result run(int port, Point point, long seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t1", "-c" + point.count(ServerExperiment.CONNECTIONS), "-d" + seconds + "s",
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
