package asyncbench.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one endpoint every server serves: {@code GET /json} answers a small JSON document serialised with
 * Jackson for each request (TechEmpower's JSON test: {@code {"message":"Hello, World!"}}), and counts the
 * requests it answered, so that the server's count can be held against the load generator's.
 */
public final class Endpoint {
    public static final String PATH = "/json";
    public static final String CONTENT_TYPE = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The document. */
    public record Message(String message) {
    }

    private final LongAdder served = new LongAdder();

    /** A freshly serialised body for one request, counted. */
    public byte[] respond() {
        served.increment();
        return serialise();
    }

    /** The body every response carries. */
    public static byte[] expectedBody() {
        return serialise();
    }

    private static byte[] serialise() {
        try {
            return MAPPER.writeValueAsBytes(new Message("Hello, World!"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long served() {
        return served.sum();
    }
}
