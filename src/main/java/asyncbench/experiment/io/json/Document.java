package asyncbench.experiment.io.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The object graph every model serialises: {@code orders} orders of a few items each, built the same
 * way every time, with the length and CRC-32 of its JSON known before any model writes it.
 */
final class Document {
    static final ObjectMapper MAPPER = new ObjectMapper();

    public record Item(String sku, int quantity, double price) {
    }

    public record Order(long id, String customer, boolean paid, double total, List<Item> items) {
    }

    private final List<Order> orders = new ArrayList<>();
    private final long length;
    private final long crc;

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
    }

    /** Writes the document to {@code out}, as a blocking stream, without closing it. */
    void writeTo(OutputStream out) throws IOException {
        MAPPER.writeValue(new NonClosing(out), orders);
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

    /** Jackson closes the stream it wrote to; the connection stays open for the next document. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
