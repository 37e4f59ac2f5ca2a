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

    /** Streamed, the pieces are the whole document's bytes, each at most the buffer and one order, all but the last at least 90% of it. */
    @Test
    void streamedPiecesMakeTheWholeDocument() throws Exception {
        Document document = new Document(2_000);
        Document.Pieces pieces = document.pieces(true);
        for (int round = 0; round < 2; round++) {
            java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
            java.util.List<Integer> sizes = new java.util.ArrayList<>();
            pieces.start();
            for (ByteBuffer piece = pieces.next(); piece != null; piece = pieces.next()) {
                sizes.add(piece.remaining());
                joined.write(piece.array(), piece.position(), piece.remaining());
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(document.bytes(), joined.toByteArray());
            assertEquals(document.streamedPieces(), sizes.size());
            assertTrue(sizes.size() > 10, "2,000 orders of about 210 bytes make many 16 KiB pieces: " + sizes.size());
            for (int i = 0; i < sizes.size() - 1; i++) {
                assertTrue(sizes.get(i) >= Document.FLUSH_AT && sizes.get(i) < Document.FLUSH_AT + 1_000, "piece " + i + ": " + sizes.get(i));
            }
        }
    }

    /** The pieces share one buffer: a piece asked for before the last was sent overwrites it, and the receiver sees it. */
    @Test
    void aPieceNotSentBeforeTheNextIsAskedForIsLost() throws Exception {
        Document document = new Document(500);
        Document.Pieces pieces = document.pieces(true);
        pieces.start();
        ByteBuffer first = pieces.next();
        byte[] firstBytes = java.util.Arrays.copyOfRange(first.array(), 0, first.limit());
        pieces.next();
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(firstBytes,
                java.util.Arrays.copyOfRange(first.array(), 0, first.limit())), "the buffer was reused");
    }

    /** Every model writes every document in the pieces its kind of write makes, each arriving whole. */
    @Test
    void everyModelWritesEveryPiece() throws Exception {
        JsonStream json = new JsonStream();
        for (String writes : JsonStream.WRITE_KINDS) {
            asyncbench.result.Point point = asyncbench.result.Point.of(java.util.Map.of(JsonStream.ORDERS, 1_000L, JsonStream.WRITES, writes));
            java.util.Map<String, Long> expected = null;
            for (asyncbench.model.Model model : json.spec().models()) {
                java.util.Map<String, Long> counts = json.countOnce(model, point);
                expected = expected == null ? counts : expected;
                assertEquals(expected, counts, model + " " + writes);
            }
            long perDocument = writes.equals("streamed") ? new Document(1_000).streamedPieces() : 1;
            assertEquals(expected.get(JsonStream.DOCUMENTS) * perDocument, expected.get(JsonStream.PIECES), writes);
            assertTrue(perDocument >= (writes.equals("streamed") ? 10 : 1), writes + ": " + perDocument);
        }
    }
}
