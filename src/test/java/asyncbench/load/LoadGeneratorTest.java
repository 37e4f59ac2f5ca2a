package asyncbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII);

    private static LoadGenerator.Settings settings(int port, int connections, boolean perRequest, long requests) {
        return new LoadGenerator.Settings(new Target("127.0.0.1", port, "/x"), connections, perRequest, 1, BODY,
                Duration.ofSeconds(2), requests);
    }

    /** A tiny blocking server: answers {@code answer} to every request head, then closes if told to. */
    private static ServerSocket serve(String answer, boolean closeAfter) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            InputStream in = s.getInputStream();
                            OutputStream out = s.getOutputStream();
                            int matched = 0;
                            int b;
                            while ((b = in.read()) >= 0) {
                                matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
                                if (matched == 4) {
                                    matched = 0;
                                    out.write(answer.getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                    if (closeAfter) {
                                        return;
                                    }
                                }
                            }
                        } catch (IOException ignored) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    private static String ok(byte[] body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.US_ASCII);
    }

    @Test
    void aBoundedLoadSendsExactlyItsRequests() throws Exception {
        try (ServerSocket server = serve(ok(BODY), false); LoadGenerator load = LoadGenerator.start(settings(server.getLocalPort(), 3, false, 100))) {
            assertTrue(load.awaitFinished(Duration.ofSeconds(20)));
            LoadCounts counts = load.stop(Duration.ofSeconds(1));
            assertEquals(100, counts.sent());
            assertEquals(100, counts.answered());
            assertEquals(0, counts.errors());
            assertEquals(3, counts.connections());
        }
    }

    @Test
    void aConnectionPerRequestOpensOneEach() throws Exception {
        try (ServerSocket server = serve(ok(BODY).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"), true);
                LoadGenerator load = LoadGenerator.start(settings(server.getLocalPort(), 2, true, 40))) {
            assertTrue(load.awaitFinished(Duration.ofSeconds(20)));
            LoadCounts counts = load.stop(Duration.ofSeconds(1));
            assertEquals(40, counts.answered());
            assertEquals(40, counts.connections());
        }
    }

    @Test
    void aRefusedConnectionIsCountedNotThrown() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        try (LoadGenerator load = LoadGenerator.start(settings(port, 2, true, 6))) {
            assertTrue(load.awaitFinished(Duration.ofSeconds(20)));
            LoadCounts counts = load.stop(Duration.ofSeconds(1));
            assertEquals(6, counts.connectErrors());
            assertEquals(0, counts.answered());
            assertTrue(load.lastProblem().startsWith("connect"), load.lastProblem());
        }
    }

    @Test
    void aServerThatClosesWithoutAnsweringIsAReset() throws Exception {
        try (ServerSocket server = serve("", true); LoadGenerator load = LoadGenerator.start(settings(server.getLocalPort(), 1, false, 5))) {
            assertTrue(load.awaitFinished(Duration.ofSeconds(20)));
            LoadCounts counts = load.stop(Duration.ofSeconds(1));
            assertEquals(5, counts.resets());
            assertEquals(0, counts.answered());
        }
    }

    @Test
    void wrongStatusesAndBodiesAreErrorsOfTheirOwn() throws Exception {
        try (ServerSocket server = serve("HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n", false);
                LoadGenerator load = LoadGenerator.start(settings(server.getLocalPort(), 1, false, 3))) {
            assertTrue(load.awaitFinished(Duration.ofSeconds(20)));
            assertEquals(3, load.stop(Duration.ofSeconds(1)).badStatus());
        }
        try (ServerSocket server = serve(ok("{\"ok\":false}".getBytes(StandardCharsets.US_ASCII)), false);
                LoadGenerator load = LoadGenerator.start(settings(server.getLocalPort(), 1, false, 3))) {
            assertTrue(load.awaitFinished(Duration.ofSeconds(20)));
            assertEquals(3, load.stop(Duration.ofSeconds(1)).badBody());
        }
    }

    @Test
    void theParserReadsLengthsAndRefusesWhatItCannotRead() {
        ResponseParser p = new ResponseParser(BODY);
        assertEquals(ResponseParser.State.INCOMPLETE, p.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{\"ok\"")));
        assertEquals(ResponseParser.State.COMPLETE, p.feed(bytes(":true}")));
        assertTrue(p.bodyMatches());
        p.reset();
        assertEquals(ResponseParser.State.PROTOCOL_ERROR, p.feed(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")));
        p.reset();
        assertEquals(ResponseParser.State.PROTOCOL_ERROR, p.feed(bytes("SSH-2.0-OpenSSH\r\n\r\n")));
        p.reset();
        assertEquals(ResponseParser.State.PROTOCOL_ERROR, p.feed(bytes(ok(BODY) + "extra")));
        ResponseParser untilClose = new ResponseParser(null);
        assertEquals(ResponseParser.State.INCOMPLETE, untilClose.feed(bytes("HTTP/1.0 200 OK\r\n\r\nanything")));
        assertEquals(ResponseParser.State.COMPLETE, untilClose.endOfStream());
        assertTrue(untilClose.serverCloses());
    }

    @Test
    void urlsAreHttpOnly() {
        assertEquals(new Target("localhost", 8080, "/json?x=1"), Target.parse("http://localhost:8080/json?x=1"));
        assertEquals(new Target("example.org", 80, "/"), Target.parse("http://example.org"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("https://example.org/"));
        assertThrows(IllegalArgumentException.class, () -> Target.parse("not a url"));
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
