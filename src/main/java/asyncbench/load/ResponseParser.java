package asyncbench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response at a time from the bytes of a connection: the status line, the headers up
 * to the blank line, then a body of Content-Length bytes (or up to the end of the connection when the
 * server sends neither a length nor chunks), compared with the expected body when one is given.
 * Chunked bodies are refused as a protocol error: the lab's servers all send a length.
 */
final class ResponseParser {
    /** What the bytes so far amount to. */
    enum State { INCOMPLETE, COMPLETE, PROTOCOL_ERROR }

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final byte[] expectedBody;
    private final byte[] header = new byte[MAX_HEADER_BYTES];
    private int headerLength;
    private boolean inBody;
    private long bodyRemaining;
    private long bodyRead;
    private boolean untilClose;
    private boolean bodyMatches;
    private int status;
    private boolean serverCloses;
    private String problem = "";

    /** {@code expectedBody}: the body every response must carry, or null to accept any. */
    ResponseParser(byte[] expectedBody) {
        this.expectedBody = expectedBody;
        reset();
    }

    void reset() {
        headerLength = 0;
        inBody = false;
        bodyRemaining = 0;
        bodyRead = 0;
        untilClose = false;
        bodyMatches = true;
        status = 0;
        serverCloses = false;
    }

    /** Consumes what {@code in} holds; bytes past the end of the response are a protocol error (no pipelining). */
    State feed(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (!inBody) {
                if (headerLength == MAX_HEADER_BYTES) {
                    return error("headers longer than " + MAX_HEADER_BYTES + " bytes");
                }
                header[headerLength++] = in.get();
                if (headerLength >= 4 && header[headerLength - 1] == '\n' && header[headerLength - 2] == '\r'
                        && header[headerLength - 3] == '\n' && header[headerLength - 4] == '\r') {
                    State parsed = parseHeader();
                    if (parsed != State.INCOMPLETE) {
                        return parsed;
                    }
                }
            } else {
                int n = untilClose ? in.remaining() : (int) Math.min(in.remaining(), bodyRemaining);
                for (int i = 0; i < n; i++) {
                    byte b = in.get();
                    if (expectedBody != null && (bodyRead >= expectedBody.length || expectedBody[(int) bodyRead] != b)) {
                        bodyMatches = false;
                    }
                    bodyRead++;
                }
                if (!untilClose) {
                    bodyRemaining -= n;
                    if (bodyRemaining == 0) {
                        if (in.hasRemaining()) {
                            return error("bytes after the end of a response");
                        }
                        return State.COMPLETE;
                    }
                }
            }
        }
        return State.INCOMPLETE;
    }

    /** The connection ended: completes a body that runs to the end of the connection. */
    State endOfStream() {
        if (inBody && untilClose) {
            return State.COMPLETE;
        }
        return State.INCOMPLETE;
    }

    private State parseHeader() {
        String text = new String(header, 0, headerLength, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        if (!lines[0].startsWith("HTTP/1.") || lines[0].length() < 12) {
            return error("not an HTTP/1.x status line: " + lines[0]);
        }
        try {
            status = Integer.parseInt(lines[0].substring(9, 12));
        } catch (NumberFormatException e) {
            return error("no status code in: " + lines[0]);
        }
        long length = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return error("bad Content-Length: " + value);
                    }
                }
                case "transfer-encoding" -> {
                    if (value.toLowerCase(Locale.ROOT).contains("chunked")) {
                        return error("chunked responses are not supported");
                    }
                }
                case "connection" -> serverCloses = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        inBody = true;
        if (length < 0) {
            untilClose = true;
            serverCloses = true;
            return State.INCOMPLETE;
        }
        bodyRemaining = length;
        return length == 0 ? State.COMPLETE : State.INCOMPLETE;
    }

    private State error(String why) {
        problem = why;
        return State.PROTOCOL_ERROR;
    }

    int status() {
        return status;
    }

    /** Whether the body was the expected one, byte for byte and in length. */
    boolean bodyMatches() {
        return bodyMatches && (expectedBody == null || bodyRead == expectedBody.length);
    }

    long bodyBytes() {
        return bodyRead;
    }

    /** Whether the server said it closes the connection after this response. */
    boolean serverCloses() {
        return serverCloses;
    }

    String problem() {
        return problem;
    }
}
