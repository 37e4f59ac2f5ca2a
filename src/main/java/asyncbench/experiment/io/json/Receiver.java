package asyncbench.experiment.io.json;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.zip.CRC32;

/**
 * The other end of the connection, on loopback: a platform thread that reads documents of a known
 * length until the writer closes, and checks each one's CRC-32.
 */
final class Receiver implements AutoCloseable {
    private final ServerSocketChannel server;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile long documents;
    private volatile long matching;
    private volatile long bytes;

    Receiver(long length, long crc) throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread.ofPlatform().name("json-receiver").start(() -> {
            try (SocketChannel in = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
                CRC32 c = new CRC32();
                long inDocument = 0;
                long total = 0;
                while (true) {
                    buffer.clear();
                    buffer.limit((int) Math.min(buffer.capacity(), length - inDocument));
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    buffer.flip();
                    c.update(buffer);
                    inDocument += n;
                    total += n;
                    if (inDocument == length) {
                        documents++;
                        if (c.getValue() == crc) {
                            matching++;
                        }
                        c.reset();
                        inDocument = 0;
                    }
                }
                bytes = total;
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** Waits until the writer has closed and every byte is read. */
    void awaitEnd() {
        done.join();
    }

    long documents() {
        return documents;
    }

    long matching() {
        return matching;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
