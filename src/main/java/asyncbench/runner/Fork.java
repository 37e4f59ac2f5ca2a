package asyncbench.runner;

import asyncbench.catalog.UsageException;
import asyncbench.os.Processes;
import asyncbench.result.CellResult;
import asyncbench.result.Json;
import asyncbench.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one cell in a fresh JVM: the heap fixed and pre-touched, so that growth and first touch of
 * memory stay out of the figures. A cell still running at its deadline is killed with its children
 * and recorded as a timeout; a JVM that dies without a result is recorded as an error with the end
 * of what it printed.
 */
final class Fork {
    /** Pre-touching costs about a second per GiB here; the deadline grows with the heap. */
    private static final long PRETOUCH_MILLIS_PER_GIB = 1500;
    private static final int TAIL_CHARS = 2000;

    private final String catalogClass;
    private final Duration cellTimeout;
    private volatile Process current;
    private volatile boolean stopped;

    Fork(String catalogClass, Duration cellTimeout) {
        this.catalogClass = catalogClass;
        this.cellTimeout = cellTimeout;
    }

    /**
     * The command line of a cell's JVM; {@code flags} are the experiment's for this cell, a collector among
     * them replacing G1; {@code launcher}, the command the JVM runs under, if any (such as taskset).
     */
    List<String> command(CellSpec spec, long heapMegabytes, List<String> flags, List<String> launcher) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms" + heapMegabytes + "m");
        cmd.add("-Xmx" + heapMegabytes + "m");
        cmd.add("-XX:+AlwaysPreTouch");
        if (flags.stream().noneMatch(Fork::choosesCollector)) {
            cmd.add("-XX:+UseG1GC");
        }
        cmd.addAll(flags);
        cmd.add("-XX:-UsePerfData");
        cmd.addAll(sharedArchive());
        // a cell JVM that crashes leaves its log in the temporary directory, not where the user ran asyncbench
        cmd.add("-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), "asyncbench-hs_err_pid%p.log"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--add-exports");
        cmd.add("java.base/jdk.internal.vm=ALL-UNNAMED");
        cmd.addAll(spec.model().jvmFlags());
        cmd.add("-D" + CellMain.WATCH_PARENT + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CellMain.class.getName());
        cmd.add(catalogClass);
        cmd.add(spec.experiment());
        cmd.add(spec.model().id());
        cmd.add(spec.profile().id());
        try {
            cmd.add(asyncbench.result.Json.MAPPER.writeValueAsString(spec.params()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a point of counts and names is always JSON", e);
        }
        return cmd;
    }

    /**
     * A class-data sharing archive of the classes every cell loads (AppCDS), made once by
     * {@link #prepareArchive} and mapped by each cell's JVM instead of parsing jars: about a quarter of a
     * second less for each JVM on 2 cores, before any measurement. Its name holds the class path, the
     * jars' times and the JDK, so a rebuild makes a new one; a JVM that cannot use it starts as usual,
     * and its log lines are kept out of the cell's output.
     */
    static Path archive() {
        StringBuilder key = new StringBuilder(Runtime.version().toString());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            key.append(' ').append(entry).append('@').append(new java.io.File(entry).lastModified());
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "asyncbench-cells-" + Integer.toHexString(key.toString().hashCode()) + ".jsa");
    }

    /** The options that let a cell's JVM map the archive, where it exists. */
    static List<String> sharedArchive() {
        Path archive = archive();
        return java.nio.file.Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off") : List.of();
    }

    /**
     * Makes the archive, if it is missing, by a JVM that loads what cells load ({@link ArchiveMain}) and
     * dumps its classes at exit; a JVM that fails to, or takes over 30 s, leaves none, and cells start as
     * they would without.
     */
    static void prepareArchive(String catalogClass) throws InterruptedException {
        Path archive = archive();
        if (java.nio.file.Files.isRegularFile(archive)) {
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + partial, "-Xlog:cds*=off", "-XX:-UsePerfData",
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ArchiveMain.class.getName(), catalogClass);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                Processes.killTree(p);
            } else if (p.exitValue() == 0 && java.nio.file.Files.isRegularFile(partial)) {
                java.nio.file.Files.move(partial, archive, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // no archive: cells start without it
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a stray file in the temporary directory
            }
        }
    }

    /**
     * Checks that a JVM starts with the run's options ({@code --jvm-arg}), before any cell does: a
     * mistyped option would otherwise fail every cell.
     */
    static void checkJvmArgs(List<String> args) throws UsageException, IOException, InterruptedException {
        if (args.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(args);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            String why = output.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("Error: Could not create the Java Virtual Machine")
                            && !l.startsWith("Error: A fatal exception has occurred"))
                    .collect(java.util.stream.Collectors.joining(": "));
            why = why.isEmpty() ? "exit code " + p.exitValue() : why;
            throw new UsageException("--jvm-arg: the JVM does not start with " + String.join(" ", args) + ": " + why);
        }
    }

    /**
     * A cell's flags: the run's ({@code --jvm-arg}), then the experiment's for the cell; where the
     * experiment chooses a collector (its parameter), the run's choice of one is left out.
     */
    static List<String> flags(List<String> run, List<String> experiment) {
        boolean own = experiment.stream().anyMatch(Fork::choosesCollector);
        List<String> flags = new ArrayList<>(run.stream().filter(f -> !(own && choosesCollector(f))).toList());
        flags.addAll(experiment);
        return flags;
    }

    private static boolean choosesCollector(String flag) {
        return flag.startsWith("-XX:+Use") && flag.endsWith("GC");
    }

    Duration deadline(CellSpec spec, long heapMegabytes) {
        return cellTimeout.plusMillis(PRETOUCH_MILLIS_PER_GIB * heapMegabytes / 1024);
    }

    /** Whether {@link #stop} was called: the last cell's result, if any, is an artefact of stopping. */
    boolean stopped() {
        return stopped;
    }

    CellResult run(CellSpec spec, long heapMegabytes, List<String> flags, List<String> launcher) throws InterruptedException {
        Duration deadline = deadline(spec, heapMegabytes);
        Process process;
        try {
            process = new ProcessBuilder(command(spec, heapMegabytes, flags, launcher)).start();
        } catch (IOException e) {
            return spec.failed(Status.ERROR, "cannot start the cell's JVM: " + e.getMessage(), null);
        }
        current = process;
        // the cell's standard input stays open while this JVM lives: the cell ends when it closes, however this one ends
        try (java.io.OutputStream lifeline = process.getOutputStream()) {
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                Processes.killTree(process);
                return spec.failed(Status.TIMEOUT,
                        "still running after " + deadline.toSeconds() + " s; killed", null);
            }
            String stdout = out.join();
            int marker = stdout.lastIndexOf(CellMain.MARKER);
            if (marker < 0) {
                int exit = process.exitValue();
                String how = exit > 128 ? "was killed by signal " + (exit - 128) + (exit == 137 ? " (out of memory?)" : "")
                        : "exited with " + exit;
                return spec.failed(Status.ERROR, "the cell's JVM " + how + " and left no result: "
                        + tail(err.join() + stdout), null);
            }
            String line = stdout.substring(marker + CellMain.MARKER.length()).lines().findFirst().orElse("");
            return Json.MAPPER.readValue(line, CellResult.class);
        } catch (IOException e) {
            return spec.failed(Status.ERROR, "unreadable result: " + e.getMessage(), null);
        } finally {
            Processes.killTree(process);
            current = null;
        }
    }

    /**
     * Kills the running cell, if any, and every cell after it: for shutdown on Ctrl-C. A cell cut
     * short this way is not a result.
     */
    void stop() {
        stopped = true;
        Process p = current;
        if (p != null) {
            Processes.killTree(p);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofPlatform().daemon().name("cell-output").start(r));
    }

    private static String tail(String text) {
        String t = text.strip();
        return t.length() <= TAIL_CHARS ? t : "..." + t.substring(t.length() - TAIL_CHARS);
    }
}
