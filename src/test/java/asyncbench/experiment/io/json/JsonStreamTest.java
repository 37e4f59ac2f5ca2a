package asyncbench.experiment.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class JsonStreamTest {
    /** Two documents arrive, the second with one byte changed: both are counted, only the first matches its CRC. */
    @Test
    void theReceiverChecksEveryDocumentItReads() throws Exception {
        Document document = new Document(50);
        byte[] bytes = document.bytes();
        byte[] corrupt = bytes.clone();
        corrupt[corrupt.length / 2] ^= 1;
        try (Receiver receiver = new Receiver(document.length(), document.crc())) {
            try (SocketChannel out = SocketChannel.open(receiver.address())) {
                out.write(ByteBuffer.wrap(bytes));
                out.write(ByteBuffer.wrap(corrupt));
            }
            receiver.awaitEnd();
            assertEquals(2, receiver.documents());
            assertEquals(1, receiver.matching());
            assertEquals(2L * bytes.length, receiver.bytes());
        }
    }

    @Test
    void theDocumentIsTheSameGraphEveryTime() throws Exception {
        Document a = new Document(200);
        Document b = new Document(200);
        assertEquals(a.crc(), b.crc());
        JsonNode orders = Document.MAPPER.readTree(a.bytes());
        assertEquals(200, orders.size());
        assertTrue(orders.get(7).get("items").size() == 3, "order 7 has 1 + 7 mod 5 items");
    }
}
