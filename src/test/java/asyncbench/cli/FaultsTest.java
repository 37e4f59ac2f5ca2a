package asyncbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab under faults and hostile input, one test per case: nothing measured is lost or mixed, nothing
 * is written outside the run, and every refusal is one sentence without an exception's name.
 */
class FaultsTest {
    private static final String CATALOG = "asyncbench.runner.TestCatalog";

    @TempDir
    Path results;

    private Path mounted;

    /** What a command printed and how it exited. */
    record Ran(int code, String out, String err) {
        /** One sentence for the user: no trace, no exception's name. */
        Ran plain() {
            assertFalse(err.contains("\tat ") || out.contains("\tat "), "no stack trace: " + err);
            assertFalse(err.contains("Exception") || err.contains("java."), "no Java names: " + err);
            return this;
        }
    }

    static Ran asyncbench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** A finished run of the fake experiment "ok" at n=1 (two cells: platform, virtual); its id. */
    private String finishedRun(Path root) throws Exception {
        Ran ran = asyncbench("run", "ok", "--catalog", CATALOG, "--param", "n=1", "--forks", "1", "--results", root.toString());
        assertEquals(0, ran.code(), ran.err());
        try (Stream<Path> runs = Files.list(root)) {
            return runs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().getLast();
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aRunBeingMeasuredIsNotResumedASecondTimeAtOnce() throws Exception {
        String id = finishedRun(results);
        Path lock = results.resolve(id).resolve("run.lock");
        Files.writeString(lock, "4242\n");
        try (FileChannel other = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = other.lock()) {
            Ran ran = asyncbench("run", "--resume", id, "--catalog", CATALOG, "--results", results.toString()).plain();
            assertEquals(2, ran.code());
            assertTrue(ran.err().contains("run " + id + " is being measured by another asyncbench (process 4242)"), ran.err());
        }
        List<String> lines = Files.readAllLines(results.resolve(id).resolve("results.jsonl"));
        assertEquals(2, lines.size(), "nothing measured twice");
        Ran after = asyncbench("run", "--resume", id, "--catalog", CATALOG, "--results", results.toString());
        assertEquals(0, after.code(), "once the other has ended, the run resumes: " + after.err());
    }

    @Test
    void invalidAndHostileLinesAreSkippedCountedAndTheirCellsRunAgain() throws Exception {
        String id = finishedRun(results);
        Path run = results.resolve(id);
        Path file = run.resolve("results.jsonl");
        List<String> lines = Files.readAllLines(file);
        String platform = lines.stream().filter(l -> l.contains("\"model\":\"platform\"")).findFirst().orElseThrow();
        String virtual = lines.stream().filter(l -> l.contains("\"model\":\"virtual\"")).findFirst().orElseThrow();
        String escape = "x/" + "../".repeat(12) + results.getFileName() + "-evil";
        Files.writeString(file, String.join("\n", platform, "{}", "null", "[1,2]", "{\"format\":2}",
                virtual.replace("\"model\":\"virtual\"", "\"model\":\"" + escape + "\""),
                virtual.replace("\"n\":1", "\"n\":\"../../up\"")) + "\n");

        Ran report = asyncbench("report", id, "--catalog", CATALOG, "--results", results.toString()).plain();
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.readString(run.resolve("report.md")).contains("6 unreadable line(s) skipped"));
        try (Stream<Path> outside = Files.list(results.getParent())) {
            assertTrue(outside.noneMatch(p -> p.getFileName().toString().contains("evil")), "nothing written outside the run");
        }

        Ran resumed = asyncbench("run", "--resume", id, "--catalog", CATALOG, "--results", results.toString()).plain();
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("1 cells run, 1 already done"), "the virtual cell, whose lines were all invalid, ran again: " + resumed.out());
    }

    @Test
    void aRunIdThatLeavesTheResultsDirectoryIsRefused() throws Exception {
        Path evil = Files.createDirectories(results.resolve("evil"));
        Path inner = Files.createDirectories(results.resolve("inner"));
        Files.writeString(evil.resolve("plan.json"), "{\"experiments\":[\"ok\"],\"profile\":\"smoke\",\"models\":[],\"params\":{}}");
        for (String ref : List.of("../evil", "..", "/tmp", "inner/../evil")) {
            Ran ran = asyncbench("run", "--resume", ref, "--catalog", CATALOG, "--results", inner.toString()).plain();
            assertEquals(2, ran.code(), ref);
            assertTrue(ran.err().contains("no run '" + ref + "'"), ran.err());
        }
        try (Stream<Path> files = Files.list(evil)) {
            assertEquals(1, files.count(), "nothing written beside the plan outside the results directory");
        }
    }

    @Test
    void anUnreadablePlanIsSaidInOneSentence() throws Exception {
        String id = finishedRun(results);
        for (String plan : List.of("", "{", "[]", "{\"experiments\":\"ok\",\"profile\":7}")) {
            Files.writeString(results.resolve(id).resolve("plan.json"), plan);
            Ran ran = asyncbench("run", "--resume", id, "--catalog", CATALOG, "--results", results.toString());
            ran.plain();
            assertEquals(2, ran.code(), plan + ": " + ran.err());
            assertTrue(ran.err().contains("is unreadable"), ran.err());
        }
    }

    /** A 512 KiB tmpfs, unmounted after the test; the test is skipped, with the reason, where none can be mounted. */
    private Path smallDisk() throws Exception {
        Path tmpfs = Files.createDirectories(results.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", tmpfs.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (needs root): "
                + new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        mounted = tmpfs;
        return tmpfs;
    }

    private static void fill(Path disk) {
        byte[] block = new byte[4096];
        try (var filler = Files.newOutputStream(disk.resolve("filler"))) {
            while (true) {
                filler.write(block);
            }
        } catch (java.io.IOException full) {
            // the disk is full
        }
    }

    @Test
    void aFullDiskStopsTheRunWithOneSentenceAndKeepsWhatWasMeasured() throws Exception {
        Path disk = smallDisk();
        String id = finishedRun(disk);
        Path file = disk.resolve(id).resolve("results.jsonl");
        List<String> platformOnly = Files.readAllLines(file).stream().filter(l -> l.contains("\"model\":\"platform\"")).toList();
        // the kept line, then blank lines (skipped on reading) up to the end of a block: the next line needs a new block
        String kept = String.join("\n", platformOnly) + "\n";
        Files.writeString(file, kept + "\n".repeat(4096 - kept.length() % 4096));
        fill(disk);

        Ran ran = asyncbench("run", "--resume", id, "--catalog", CATALOG, "--results", disk.toString()).plain();
        assertEquals(1, ran.code(), ran.err());
        assertTrue(ran.err().contains("no space left on device"), ran.err());
        assertTrue(ran.err().contains("the 1 cells recorded before are kept"), ran.err());
        assertTrue(ran.err().contains("./asyncbench run --resume " + id), "says how to finish: " + ran.err());
        assertEquals(platformOnly, Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList(), "the lines before are intact");

        Files.delete(disk.resolve("filler"));
        Ran finished = asyncbench("run", "--resume", id, "--catalog", CATALOG, "--results", disk.toString()).plain();
        assertEquals(0, finished.code(), finished.err());
        assertTrue(finished.out().contains("1 cells run, 1 already done"), finished.out());
    }

    @Test
    void aFullDiskWhileReportingLeavesNoPictureCutShort() throws Exception {
        Path tmpfs = smallDisk();
        String id = finishedRun(tmpfs);
        Path run = tmpfs.resolve(id);
        try (Stream<Path> files = Files.list(run)) {
            for (Path p : files.filter(p -> p.toString().matches(".*\\.(svg|png|md|html|csv|json)$") && !p.endsWith("plan.json")).toList()) {
                Files.delete(p);
            }
        }
        fill(tmpfs);
        Ran ran = asyncbench("report", id, "--catalog", CATALOG, "--results", tmpfs.toString()).plain();
        assertEquals(1, ran.code(), ran.err());
        assertTrue(ran.err().contains("could not be written: no space left on device"), ran.err());
        try (Stream<Path> files = Files.list(run)) {
            for (Path p : files.toList()) {
                assertFalse(p.getFileName().toString().startsWith(".partial-"), "no partial file left: " + p);
                assertTrue(Files.size(p) > 0 || p.endsWith("run.lock"), "no empty file: " + p);
            }
        }
    }

    @Test
    void aPortInUseOrAnUnknownHostIsOneSentenceForEveryServer() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            for (String server : asyncbench.server.Server.ids()) {
                Ran ran = asyncbench("serve", "--server", server, "--port", Integer.toString(taken.getLocalPort())).plain();
                assertEquals(2, ran.code(), server + ": " + ran.err());
                assertTrue(ran.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another process"), ran.err());
                assertFalse(ran.out().contains("listening"), server + " did not start: " + ran.out());
            }
        }
        Ran ran = asyncbench("serve", "--server", "jdk", "--host", "no.such.host.invalid").plain();
        assertEquals(2, ran.code());
        assertTrue(ran.err().contains("--host 'no.such.host.invalid' is not an address of this machine"), ran.err());
    }

    /** A server on loopback that answers each connection with {@code answer} (null: never answers), until closed. */
    private static java.net.ServerSocket fakeServer(byte[] answer) throws Exception {
        java.net.ServerSocket server = new java.net.ServerSocket(0, 200, java.net.InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            List<java.net.Socket> open = new java.util.ArrayList<>();
            try {
                while (true) {
                    java.net.Socket s = server.accept();
                    open.add(s);
                    if (answer != null) {
                        Thread.ofPlatform().daemon().start(() -> {
                            try (s) {
                                s.getInputStream().read(new byte[4096]);
                                s.getOutputStream().write(answer);
                            } catch (java.io.IOException gone) {
                                // the client left
                            }
                        });
                    }
                }
            } catch (java.io.IOException closed) {
                // the test ended
            }
        });
        return server;
    }

    @Test
    void loadSaysWhenNothingWasAnsweredAndPrintsServerBytesEscaped() throws Exception {
        Ran refused;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = free.getLocalPort();
            free.close();
            refused = asyncbench("load", "http://127.0.0.1:" + port + "/json", "-c", "2", "-d", "1", "--warmup", "0").plain();
        }
        assertEquals(1, refused.code(), "nothing answered: " + refused.out());
        assertTrue(refused.err().contains("no request to http://127.0.0.1:"), refused.err());

        try (java.net.ServerSocket garbage = fakeServer("\u001b[31mNOT HTTP\u0007\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) {
            Ran ran = asyncbench("load", "http://127.0.0.1:" + garbage.getLocalPort() + "/json", "-c", "2", "-d", "1", "--warmup", "0").plain();
            assertEquals(1, ran.code(), ran.out());
            assertFalse(ran.out().contains("\u001b") || ran.err().contains("\u001b") || ran.out().contains("\u0007"), "no raw control bytes");
            assertTrue(ran.out().contains("\\x1b") || ran.err().contains("\\x1b"), "the escape byte shown escaped: " + ran.out() + ran.err());
        }
    }

    @Test
    void aSilentServersRequestsAreCutOffAtTheEndNotTimedOut() throws Exception {
        try (java.net.ServerSocket silent = fakeServer(null)) {
            Ran ran = asyncbench("load", "http://127.0.0.1:" + silent.getLocalPort() + "/json", "-c", "3", "-d", "1", "--warmup", "0").plain();
            assertEquals(1, ran.code(), ran.out());
            assertTrue(ran.out().contains("timeout 0"), ran.out());
            assertTrue(ran.out().contains("Requests sent 3: answered 0 (any status), failed without an answer 0, cut off at the end 3"), ran.out());
        }
    }

    @Test
    void requestsOfTheWarmUpDoNotCountTowardsTheLimit() throws Exception {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);
        http.createContext("/json", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        try {
            Ran ran = asyncbench("load", "http://127.0.0.1:" + http.getAddress().getPort() + "/json", "-n", "200", "-c", "4", "-d", "5").plain();
            assertEquals(0, ran.code(), ran.out() + ran.err());
            assertTrue(ran.out().contains("(200 answered with 2xx"), ran.out());
            assertTrue(ran.out().contains("Requests sent 200: answered 200 (any status), failed without an answer 0, cut off at the end 0"), ran.out());
            assertTrue(ran.out().contains("connections opened 4"), ran.out());
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aHostileMessageInAResultStaysOneLineOfTextInTheReport() throws Exception {
        String id = finishedRun(results);
        Path file = results.resolve(id).resolve("results.jsonl");
        List<String> lines = Files.readAllLines(file);
        String virtual = lines.stream().filter(l -> l.contains("\"model\":\"virtual\"")).findFirst().orElseThrow();
        String hostile = virtual.replace("\"status\":\"ok\"", "\"status\":\"error\",\"message\":\"a|b\\n# heading\\n<script>alert(1)</script>\"");
        Files.writeString(file, String.join("\n", lines.getFirst(), hostile) + "\n");
        assertEquals(0, asyncbench("report", id, "--catalog", CATALOG, "--results", results.toString()).plain().code());
        String md = Files.readString(results.resolve(id).resolve("report.md"));
        assertFalse(md.contains("<script>"), md);
        assertFalse(md.contains("\n# heading"), "no new line, no heading from a message");
        assertTrue(md.contains("a\\|b # heading &lt;script&gt;alert(1)&lt;/script&gt;"), md);
        String html = Files.readString(results.resolve(id).resolve("report.html"));
        assertFalse(html.contains("<script>alert"), "nor in the HTML");
    }

    /** The processes this one started, and theirs. */
    private static List<ProcessHandle> descendants(ProcessHandle p) {
        return p.descendants().toList();
    }

    /** A process's command line as the kernel has it, arguments separated by spaces; empty once it has ended. */
    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException ended) {
            return "";
        }
    }

    @Test
    void aCellAndItsServerEndWithTheirParentHoweverItEnds() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(javaBin.toString(), "--enable-native-access=ALL-UNNAMED",
                "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "asyncbench.cli.Main", "run", "server", "--profile", "smoke", "--models", "platform", "--param", "server=jdk",
                "--forks", "1", "--results", results.toString())
                .redirectErrorStream(true).redirectOutput(results.resolve("parent.log").toFile()).start();
        List<ProcessHandle> started = List.of();
        try {
            // the run's cell JVM, and the server JVM the cell starts: a child of the run that has a child of its own
            for (int i = 0; i < 600 && started.size() < 2; i++) {
                Thread.sleep(100);
                started = parent.toHandle().children().filter(h -> commandLine(h).contains("CellMain"))
                        .flatMap(cell -> cell.children().findAny().map(server -> Stream.of(cell, server)).orElse(Stream.empty()))
                        .toList();
            }
            assertTrue(started.size() >= 2, "a cell and its server started: " + started + " of "
                    + descendants(parent.toHandle()).stream().map(h -> h.info().commandLine().orElse("?")).toList()
                    + "; the run said: " + Files.readString(results.resolve("parent.log")));
            parent.toHandle().destroyForcibly();
            parent.waitFor();
            for (ProcessHandle child : started) {
                boolean ended = child.onExit().thenApply(h -> true)
                        .completeOnTimeout(false, 30, java.util.concurrent.TimeUnit.SECONDS).join();
                assertTrue(ended, "ended with its parent: " + child.info().commandLine().orElse("?"));
            }
        } finally {
            parent.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aHungCellEndsWithItsKilledParent() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process parent = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "asyncbench.cli.Main", "run", "hang", "--catalog", CATALOG, "--param", "n=1", "--models", "platform",
                "--forks", "1", "--cell-timeout", "3600", "--results", results.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle cell = null;
        try {
            for (int i = 0; i < 600 && cell == null; i++) {
                Thread.sleep(100);
                cell = parent.toHandle().children().filter(h -> commandLine(h).contains("CellMain")).findAny().orElse(null);
            }
            assertTrue(cell != null, "the cell started");
            parent.toHandle().destroyForcibly();
            parent.waitFor();
            boolean ended = cell.onExit().thenApply(h -> true)
                    .completeOnTimeout(false, 30, java.util.concurrent.TimeUnit.SECONDS).join();
            assertTrue(ended, "a cell that would sleep for ever ended with its parent");
        } finally {
            parent.destroyForcibly();
            if (cell != null) {
                cell.destroyForcibly();
            }
        }
    }
}
