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
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.Channels;
import java.nio.channels.CompletionHandler;
import java.nio.channels.SocketChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The .NET scenario "serialise JSON to an asynchronous stream": a graph of {@code orders} orders
 * serialised with Jackson, document after document, into one loopback TCP connection whose other end
 * reads every document and checks its CRC-32. Threads serialise straight into a blocking stream over a
 * SocketChannel (a platform thread, or a virtual thread that parks when the socket is full). Jackson has
 * no non-blocking generator, so the asynchronous models serialise each document to bytes and write them
 * with AsynchronousSocketChannel: completions on the JDK's default channel group ({@code future}), on a
 * group over the model's ForkJoinPool ({@code futurePool}), or resuming a {@code suspend} function. The
 * figure is megabytes per second; bytes allocated per document are recorded.
 */
public final class JsonStream extends LoopExperiment<JsonStream.Cell> {
    public static final String ORDERS = "orders";
    public static final String MB_PER_SECOND = "megabytesPerSecond";
    public static final String DOCUMENTS = "documents";
    public static final String RECEIVED = "documentsReceived";
    public static final String MATCHING = "documentsWithTheirCrc";
    public static final String BYTES = "bytesReceived";
    private static final long COUNTED_DOCUMENTS = 20;
    private static final int STREAM_BUFFER = 64 * 1024;
    private static final Set<Model> MODELS = Set.of(Model.PLATFORM, Model.VIRTUAL, Model.FUTURE, Model.FUTURE_POOL,
            Model.COROUTINE, Model.SUSPEND);

    /** A cell's document, written by its fixed-work loop and its timed one, and the receiver of the loop under way. */
    static final class Cell {
        final Document document;
        Receiver receiver;

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
                List.of(1_000L), List.of(10_000L), List.of(1_000L, 10_000L, 100_000L))),
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
        try {
            Receiver receiver = new Receiver(document.length(), document.crc());
            cell.receiver = receiver;
            CompletableFuture<Void> written = switch (runtime) {
                case ModelRuntime.Threads t -> Plain.onThread(t.factory(), () -> {
                    try (SocketChannel channel = SocketChannel.open(receiver.address())) {
                        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), STREAM_BUFFER);
                        while (tally.more()) {
                            document.writeTo(out);
                            out.flush();
                            tally.next();
                        }
                    }
                });
                case ModelRuntime.Callback c -> {
                    AsynchronousChannelGroup group = c.runsInline() ? null : AsynchronousChannelGroup.withThreadPool(c.pool());
                    AsynchronousSocketChannel channel = AsynchronousSocketChannel.open(group);
                    channel.connect(receiver.address()).get();
                    yield new FutureWriter(channel, document, tally).start();
                }
                case ModelRuntime.Coroutines c -> {
                    AsynchronousSocketChannel channel = AsynchronousSocketChannel.open();
                    channel.connect(receiver.address()).get();
                    yield CoroutineJsonWriter.start(c.runtime(), channel, document, tally);
                }
                case ModelRuntime.Continuations _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                        throw new IllegalArgumentException("json-stream has no " + runtime.style() + " version");
            };
            Receiver reading = receiver;
            return written.thenRun(reading::awaitEnd).whenComplete((r, e) -> {
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

    /** Each document serialised to bytes, then written with as many asynchronous writes as it takes; the next starts when it is out. */
    private static final class FutureWriter implements CompletionHandler<Integer, ByteBuffer> {
        private final AsynchronousSocketChannel channel;
        private final Document document;
        private final Tally tally;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        FutureWriter(AsynchronousSocketChannel channel, Document document, Tally tally) {
            this.channel = channel;
            this.document = document;
            this.tally = tally;
        }

        CompletableFuture<Void> start() {
            next();
            return done;
        }

        private void next() {
            try {
                if (!tally.more()) {
                    channel.close();
                    done.complete(null);
                    return;
                }
                ByteBuffer bytes = ByteBuffer.wrap(document.bytes());
                channel.write(bytes, bytes, this);
            } catch (Throwable e) {
                failed(e, null);
            }
        }

        @Override
        public void completed(Integer n, ByteBuffer bytes) {
            if (bytes.hasRemaining()) {
                channel.write(bytes, bytes, this);
                return;
            }
            tally.next();
            next();
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
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Cell cell) {
        Receiver receiver = cell.receiver;
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(DOCUMENTS, tally.iterations());
        counts.put(RECEIVED, receiver.documents());
        counts.put(MATCHING, receiver.matching());
        counts.put(BYTES, receiver.bytes());
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Cell cell) {
        double megabytes = cell.document.length() / (1024.0 * 1024.0);
        return Map.of(MB_PER_SECOND, perWindow(iterationsPerSecond, r -> r * megabytes, "MiB/s"));
    }
}
