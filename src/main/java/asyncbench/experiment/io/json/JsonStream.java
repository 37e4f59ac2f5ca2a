package asyncbench.experiment.io.json;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.experiment.loop.LoopExperiment;
import asyncbench.experiment.loop.Plain;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The .NET scenario "serialise JSON to an asynchronous stream": a graph of {@code orders} orders
 * serialised with Jackson, document after document, into one loopback TCP connection whose other end
 * reads every document and checks its CRC-32. By default ({@code writes=streamed}) a document is
 * serialised into a bounded 16 KiB buffer, order after order, and each time the buffer is 90% full the
 * model writes it out and waits for the write before it serialises on, as System.Text.Json's
 * {@code SerializeAsync} awaits its stream's writes: an asynchronous call inside serialisation, a
 * suspension whenever the socket is full. {@code writes=whole} serialises each document to one array,
 * then writes it. Threads write with blocking SocketChannel writes (a virtual thread parks when the
 * socket is full); the asynchronous models with AsynchronousSocketChannel: completions on the JDK's
 * default channel group ({@code future}), on a group over the model's ForkJoinPool ({@code
 * futurePool}), or resuming a {@code suspend} function. The cell counts the pieces written and fails
 * unless each document went out in as many as the buffer makes; the figure is megabytes per second.
 */
public final class JsonStream extends LoopExperiment<JsonStream.Cell> {
    public static final String ORDERS = "orders";
    public static final String MB_PER_SECOND = "megabytesPerSecond";
    public static final String DOCUMENTS = "documents";
    public static final String RECEIVED = "documentsReceived";
    public static final String MATCHING = "documentsWithTheirCrc";
    public static final String BYTES = "bytesReceived";
    public static final String PIECES = "piecesWritten";
    public static final String WRITES = "writes";
    public static final List<String> WRITE_KINDS = List.of("streamed", "whole");
    private static final long COUNTED_DOCUMENTS = 20;
    private static final Set<Model> MODELS = Set.of(Model.PLATFORM, Model.VIRTUAL, Model.FUTURE, Model.FUTURE_POOL,
            Model.COROUTINE, Model.SUSPEND);

    /** A cell's document, written by its fixed-work loop and its timed one, and the receiver of the loop under way. */
    static final class Cell {
        final Document document;
        Receiver receiver;
        AtomicLong pieces;

        Cell(Document document) {
            this.document = document;
        }
    }

    private static final Spec SPEC = Spec.of("json-stream", "an object graph serialised with Jackson, document after document, into a loopback connection; MB/s and allocation",
            new Origin("The .NET runtime experiment's scenario \"serialise JSON to an asynchronous stream\": a graph of orders "
                + "serialised into one connection.",
                "No figure published for the scenario; MiB per second here."),
            List.of(Style.THREADS, Style.CALLBACK, Style.COROUTINES),
            List.of(Param.of(ORDERS, "orders in the graph (about 210 bytes of JSON each)", 1, 10_000_000,
                    List.of(1_000L), List.of(10_000L), List.of(1_000L, 10_000L, 100_000L)),
                Param.choice(WRITES, "streamed: serialised into a 16 KiB buffer, written and awaited each time it is 90% full; "
                    + "whole: serialised to one array, then written", WRITE_KINDS, List.of("streamed"), List.of("streamed"), WRITE_KINDS)),
            new Headline(MB_PER_SECOND, true))
            .withOnly(MODELS);

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 256 + point.count(ORDERS) / 1_000;
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_DOCUMENTS;
    }

    @Override
    protected Cell open(Model model, Point point) throws IOException {
        return new Cell(new Document(point.intCount(ORDERS)));
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Cell cell) {
        Document document = cell.document;
        Document.Pieces pieces = document.pieces(point.choice(WRITES).equals("streamed"));
        AtomicLong written = new AtomicLong();
        cell.pieces = written;
        try {
            Receiver receiver = new Receiver(document.length(), document.crc());
            cell.receiver = receiver;
            CompletableFuture<Void> sent = switch (runtime) {
                case ModelRuntime.Threads t -> Plain.onThread(t.factory(), () -> {
                    try (SocketChannel channel = SocketChannel.open(receiver.address())) {
                        while (tally.more()) {
                            pieces.start();
                            for (ByteBuffer piece = pieces.next(); piece != null; piece = pieces.next()) {
                                while (piece.hasRemaining()) {
                                    channel.write(piece);
                                }
                                written.incrementAndGet();
                            }
                            tally.next();
                        }
                    }
                });
                case ModelRuntime.Callback c -> {
                    AsynchronousChannelGroup group = c.runsInline() ? null : AsynchronousChannelGroup.withThreadPool(c.pool());
                    AsynchronousSocketChannel channel = AsynchronousSocketChannel.open(group);
                    channel.connect(receiver.address()).get();
                    yield new FutureWriter(channel, pieces, written, tally).start();
                }
                case ModelRuntime.Coroutines c -> {
                    AsynchronousSocketChannel channel = AsynchronousSocketChannel.open();
                    channel.connect(receiver.address()).get();
                    yield CoroutineJsonWriter.start(c.runtime(), channel, pieces, written, tally);
                }
                case ModelRuntime.Continuations _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                        throw new IllegalArgumentException("json-stream has no " + runtime.style() + " version");
            };
            Receiver reading = receiver;
            return sent.thenRun(reading::awaitEnd).whenComplete((r, e) -> {
                try {
                    reading.close();
                } catch (IOException closing) {
                    throw new UncheckedIOException(closing);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot connect on loopback", e);
        }
    }

    /**
     * Each piece written with as many asynchronous writes as it takes; the next piece is serialised in
     * the completion of the last write of the one before, and the next document when the last piece is out.
     */
    private static final class FutureWriter implements CompletionHandler<Integer, ByteBuffer> {
        private final AsynchronousSocketChannel channel;
        private final Document.Pieces pieces;
        private final AtomicLong written;
        private final Tally tally;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        FutureWriter(AsynchronousSocketChannel channel, Document.Pieces pieces, AtomicLong written,
                Tally tally) {
            this.channel = channel;
            this.pieces = pieces;
            this.written = written;
            this.tally = tally;
        }

        CompletableFuture<Void> start() {
            nextDocument();
            return done;
        }

        private void nextDocument() {
            try {
                if (!tally.more()) {
                    channel.close();
                    done.complete(null);
                    return;
                }
                pieces.start();
                nextPiece();
            } catch (Throwable e) {
                failed(e, null);
            }
        }

        private void nextPiece() {
            try {
                ByteBuffer piece = pieces.next();
                if (piece == null) {
                    tally.next();
                    nextDocument();
                    return;
                }
                channel.write(piece, piece, this);
            } catch (Throwable e) {
                failed(e, null);
            }
        }

        @Override
        public void completed(Integer n, ByteBuffer piece) {
            if (piece.hasRemaining()) {
                channel.write(piece, piece, this);
                return;
            }
            written.incrementAndGet();
            nextPiece();
        }

        @Override
        public void failed(Throwable e, ByteBuffer bytes) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the failure is what the cell reports
            }
            done.completeExceptionally(e);
        }
    }

    @Override
    protected void verify(Point point, Tally tally, Cell cell) throws WorkMismatchException {
        Receiver receiver = cell.receiver;
        long n = tally.iterations();
        WorkMismatchException.requireEqual(DOCUMENTS, n, RECEIVED, receiver.documents());
        WorkMismatchException.requireEqual(DOCUMENTS, n, MATCHING, receiver.matching());
        WorkMismatchException.requireEqual(DOCUMENTS + " x length", n * cell.document.length(), BYTES, receiver.bytes());
        long perDocument = point.choice(WRITES).equals("streamed") ? cell.document.streamedPieces() : 1;
        WorkMismatchException.requireEqual(DOCUMENTS + " x " + perDocument + " pieces", n * perDocument, PIECES, cell.pieces.get());
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Cell cell) {
        Receiver receiver = cell.receiver;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(DOCUMENTS, tally.iterations());
        counts.put(RECEIVED, receiver.documents());
        counts.put(MATCHING, receiver.matching());
        counts.put(BYTES, receiver.bytes());
        counts.put(PIECES, cell.pieces.get());
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Cell cell) {
        double megabytes = cell.document.length() / (1024.0 * 1024.0);
        return Map.of(MB_PER_SECOND, perWindow(iterationsPerSecond, r -> r * megabytes, "MiB/s"));
    }
}
