package asyncbench.experiment.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The object graph every model serialises: {@code orders} orders of a few items each, built the same
 * way every time, with the length and CRC-32 of its JSON known before any model writes it.
 *
 * <p>A model writes a document as the {@link Pieces} of a {@link #pieces} writer hand it out: streamed,
 * the JSON is serialised order after order into one bounded buffer, handed out each time it holds at
 * least {@link #FLUSH_AT} bytes (and at the end), and the next piece is serialised into the same
 * buffer, so a model must have written a piece before it asks for the next (a piece overwritten
 * before it was sent fails the receiver's CRC); whole, the document is serialised to one array and
 * handed out as one piece.
 */
final class Document {
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** The buffer a streamed document is serialised into, as System.Text.Json's default buffer: 16 KiB. */
    static final int BUFFER = 16 * 1024;
    /** A piece is handed out once the buffer is 90% full, as System.Text.Json's serializer flushes. */
    static final int FLUSH_AT = BUFFER * 9 / 10;

    public record Item(String sku, int quantity, double price) {
    }

    public record Order(long id, String customer, boolean paid, double total, List<Item> items) {
    }

    private final List<Order> orders = new ArrayList<>();
    private final long length;
    private final long crc;
    private final long streamedPieces;

    Document(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            List<Item> items = new ArrayList<>();
            double total = 0;
            for (int k = 0; k < 1 + i % 5; k++) {
                Item item = new Item("SKU-" + (i * 7 + k) % 10_000, 1 + (i + k) % 9, ((i * 31 + k * 17) % 10_000) / 100.0);
                items.add(item);
                total += item.quantity() * item.price();
            }
            orders.add(new Order(i, "customer-" + i % 997, i % 3 == 0, Math.round(total * 100) / 100.0, items));
        }
        byte[] json = MAPPER.writeValueAsBytes(orders);
        this.length = json.length;
        CRC32 c = new CRC32();
        c.update(json);
        this.crc = c.getValue();
        Pieces dryRun = pieces(true);
        dryRun.start();
        long n = 0;
        while (dryRun.next() != null) {
            n++;
        }
        this.streamedPieces = n;
    }

    /** Hands out the pieces of one document after another; one per model loop, reused for every document. */
    interface Pieces {
        /** Begins the next document. */
        void start() throws IOException;

        /** The next piece of the document to write in full, or null once the document is out. */
        ByteBuffer next() throws IOException;
    }

    /** A writer of documents in pieces: streamed through the bounded buffer, or whole. */
    Pieces pieces(boolean streamed) {
        return streamed ? new Streamed() : new Whole();
    }

    /** Pieces a streamed document is written in. */
    long streamedPieces() {
        return streamedPieces;
    }

    /** The document serialised order after order into one buffer, handed out whenever it holds {@link #FLUSH_AT} bytes. */
    private final class Streamed implements Pieces {
        private final Buffer buffer = new Buffer();
        private JsonGenerator generator;
        private int next;
        private boolean ended;

        @Override
        public void start() throws IOException {
            buffer.reset();
            generator = MAPPER.createGenerator(buffer);
            generator.writeStartArray();
            next = 0;
            ended = false;
        }

        @Override
        public ByteBuffer next() throws IOException {
            if (ended) {
                return null;
            }
            buffer.reset();
            while (next < orders.size() && buffer.size() < FLUSH_AT) {
                MAPPER.writeValue(generator, orders.get(next++));
            }
            if (next == orders.size()) {
                generator.writeEndArray();
                generator.close();
                ended = true;
            } else {
                generator.flush();
            }
            return buffer.bytes();
        }
    }

    /** The document serialised to one array, handed out as one piece. */
    private final class Whole implements Pieces {
        private boolean sent;

        @Override
        public void start() {
            sent = false;
        }

        @Override
        public ByteBuffer next() throws IOException {
            if (sent) {
                return null;
            }
            sent = true;
            return ByteBuffer.wrap(bytes());
        }
    }

    /** A byte array stream whose bytes are lent out in place. */
    private static final class Buffer extends java.io.ByteArrayOutputStream {
        Buffer() {
            super(BUFFER);
        }

        ByteBuffer bytes() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    /** The document as bytes, for code that writes them itself. */
    byte[] bytes() throws IOException {
        return MAPPER.writeValueAsBytes(orders);
    }

    long length() {
        return length;
    }

    long crc() {
        return crc;
    }
}
