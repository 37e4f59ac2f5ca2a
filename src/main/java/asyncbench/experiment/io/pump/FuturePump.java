package asyncbench.experiment.io.pump;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * One file read through with AsynchronousFileChannel and CompletableFuture: a read is a future that the
 * channel's completion handler completes, on a thread of the I/O pool. What comes after it runs there
 * ({@code compute} null) or is handed to a compute pool. Sequential: read, process, read the next.
 * Pump: when a read completes, the next read is issued before the chunk is processed.
 */
final class FuturePump implements AutoCloseable {
    private static final CompletionHandler<Integer, CompletableFuture<Integer>> HANDLER = new CompletionHandler<>() {
        @Override
        public void completed(Integer n, CompletableFuture<Integer> read) {
            read.complete(n);
        }

        @Override
        public void failed(Throwable e, CompletableFuture<Integer> read) {
            read.completeExceptionally(e);
        }
    };

    private final List<AsynchronousFileChannel> channels = new ArrayList<>();
    private final FileSet files;
    private final long size;
    private final int chunk;
    private final boolean pump;
    private final Executor compute;
    private final Chunks chunks;

    FuturePump(FileSet files, int chunk, boolean pump, ExecutorService io, Executor compute, Chunks chunks) throws IOException {
        for (Path file : files.files()) {
            channels.add(AsynchronousFileChannel.open(file, files.options(), io));
        }
        this.files = files;
        this.size = files.bytesPerFile();
        this.chunk = chunk;
        this.pump = pump;
        this.compute = compute;
        this.chunks = chunks;
    }

    /** Reads file {@code f} through; the future completes once every chunk is processed. */
    CompletableFuture<Void> file(int f) {
        Pipeline p = new Pipeline(channels.get(f));
        p.read(p.first, 0).thenAccept(n -> p.onChunk(p.first, n, 0)).exceptionally(p::fail);
        return p.done;
    }

    private final class Pipeline {
        private final AsynchronousFileChannel channel;
        private final ByteBuffer first = files.buffer(chunk);
        private final ByteBuffer second = pump ? files.buffer(chunk) : first;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private long count;
        private long sum;

        Pipeline(AsynchronousFileChannel channel) {
            this.channel = channel;
        }

        CompletableFuture<Integer> read(ByteBuffer buffer, long at) {
            buffer.clear();
            CompletableFuture<Integer> read = new CompletableFuture<>();
            channel.read(buffer, at, read, HANDLER);
            return compute == null ? read : read.thenApplyAsync(n -> n, compute);
        }

        /** Chunk at {@code at} is in {@code buffer}: go on until a read is not done yet, then wait for it. */
        void onChunk(ByteBuffer buffer, int n, long at) {
            while (true) {
                long nextAt = at + n;
                boolean more = n > 0 && nextAt < size;
                ByteBuffer nextBuffer = buffer == first ? second : first;
                CompletableFuture<Integer> next = pump && more ? read(nextBuffer, nextAt) : null;
                sum += chunks.process(buffer, n);
                count++;
                if (!more) {
                    chunks.fileDone(count, sum);
                    done.complete(null);
                    return;
                }
                if (next == null) {
                    next = read(nextBuffer, nextAt);
                }
                if (!next.isDone()) {
                    next.thenAccept(k -> onChunk(nextBuffer, k, nextAt)).exceptionally(this::fail);
                    return;
                }
                buffer = nextBuffer;
                n = next.join();
                at = nextAt;
            }
        }

        Void fail(Throwable e) {
            done.completeExceptionally(e);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        for (AsynchronousFileChannel c : channels) {
            c.close();
        }
    }
}
