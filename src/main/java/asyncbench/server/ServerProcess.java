package asyncbench.server;

import asyncbench.model.Model;
import asyncbench.os.ProcStatus;
import asyncbench.os.Processes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in a JVM of its own ({@link Serve#main}), so that the load and the measurement of the server
 * (its resident memory, threads and CPU, read from /proc) stay apart. It stops when its standard input
 * ends: when this object closes it, and also when the JVM that started it dies in any way, so no server
 * process or port outlives its cell. {@link #close} kills whatever is still running.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int HEAP_MEGABYTES = 512;

    private final Process process;
    private final Path log;
    private final BufferedReader out;
    private final int port;

    private ServerProcess(Process process, Path log, BufferedReader out, int port) {
        this.process = process;
        this.log = log;
        this.out = out;
        this.port = port;
    }

    /** The command that runs {@code server} under {@code model}. */
    public static List<String> command(Server server, Model model) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + HEAP_MEGABYTES + "m");
        cmd.add("-XX:+UseG1GC");
        cmd.add("-XX:-UsePerfData");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.addAll(model.jvmFlags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Serve.class.getName());
        cmd.add(server.id());
        cmd.add(model.id());
        return cmd;
    }

    /** Starts the server and waits until it listens. */
    public static ServerProcess start(Server server, Model model) throws IOException, InterruptedException {
        Path log = Files.createTempFile("asyncbench-server-", ".log");
        Process process = new ProcessBuilder(command(server, model))
                .redirectError(log.toFile())
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(Serve.LISTENING)) {
                        String rest = line.substring(Serve.LISTENING.length());
                        return Integer.parseInt(rest.substring(0, rest.indexOf(' ')));
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        }, r -> Thread.ofPlatform().daemon().name("server-out").start(r));
        int port;
        try {
            port = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            port = -1;
        }
        if (port < 0) {
            Processes.killTree(process);
            String tail = tail(log);
            Files.deleteIfExists(log);
            throw new IllegalStateException(server.id() + " on " + model.id() + " did not start listening within "
                    + START_TIMEOUT.toSeconds() + " s: " + tail);
        }
        return new ServerProcess(process, log, out, port);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    /** Its resident memory and threads now. */
    public ProcStatus status() {
        return ProcStatus.of(process.pid());
    }

    /** CPU time it used so far. */
    public long cpuNanos() {
        return ProcStatus.cpuNanos(process.pid());
    }

    /** Ends its standard input and returns the count of requests it answered, as it printed when it stopped. */
    public long stop() throws IOException, InterruptedException {
        process.getOutputStream().close();
        CompletableFuture<Long> served = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(Serve.SERVED)) {
                        return Long.parseLong(line.substring(Serve.SERVED.length()).strip());
                    }
                }
                return -1L;
            } catch (IOException e) {
                return -1L;
            }
        }, r -> Thread.ofPlatform().daemon().name("server-out").start(r));
        try {
            long count = served.get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (count < 0) {
                throw new IllegalStateException("the server ended without its count: " + tail(log));
            }
            return count;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the server did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
    }

    @Override
    public void close() throws IOException {
        Processes.killTree(process);
        Files.deleteIfExists(log);
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 1500 ? "..." + text.substring(text.length() - 1500) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
