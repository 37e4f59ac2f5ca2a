package asyncbench.experiment.io.pump;

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
import asyncbench.os.Rusage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import asyncbench.experiment.LimitReachedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The "async pump": {@code files} files (written by the cell into a temporary directory) read through
 * in chunks, every file at once, each chunk summed and then given {@code workMicros} of CPU work. One
 * pass over every file is one iteration; the figure is milliseconds per pass.
 *
 * <p>By default ({@code reads=disk}) every read goes to the device with O_DIRECT, so that a read has a
 * latency for the pump to hide; {@code reads=pageCache} reads the files from the page cache, where a
 * read is a copy. Asynchronous reads go through AsynchronousFileChannel on an I/O pool: by default
 * ({@code ioPool=bounded}) one thread per core, as a runtime's I/O completion threads start;
 * {@code ioPool=cached} grows a thread whenever none is idle (the JDK's default for a channel opened
 * without a pool), so that what runs on the I/O threads shows as the pool's growth. With
 * {@code future} the code after a read runs on the I/O thread that completed it, with {@code
 * futurePool} it is handed to the model's ForkJoinPool; {@code coroutine} resumes on
 * Dispatchers.Default, {@code suspend} on the I/O thread. {@code variant=sequential} awaits a read,
 * processes, reads the next; {@code pump} issues the next read before it processes the chunk. Threads
 * read with blocking FileChannel reads, one thread per file (a platform thread or a virtual thread),
 * and use no I/O pool. The cell records CPU time per pass, the I/O pool's largest size and the JVM's
 * peak thread count, and fails unless every pass read every chunk and every byte summed right.
 */
public final class Pump extends LoopExperiment<Pump.Cell> {
    public static final String FILES = "files";
    public static final String FILE_KIB = "fileKiB";
    public static final String CHUNK_KIB = "chunkKiB";
    public static final String WORK_MICROS = "workMicros";
    public static final String VARIANT = "variant";
    public static final List<String> VARIANTS = List.of("sequential", "pump");
    public static final String READS = "reads";
    public static final List<String> READ_KINDS = List.of("disk", "pageCache");
    public static final String IO_POOL = "ioPool";
    public static final List<String> IO_POOLS = List.of("bounded", "cached");
    public static final String MS_PER_PASS = "msPerPass";
    public static final String MB_PER_SECOND = "megabytesPerSecond";
    public static final String CPU_MS_PER_PASS = "cpuMsPerPass";
    public static final String IO_POOL_PEAK = "ioPoolPeakThreads";
    public static final String PEAK_THREADS = "jvmPeakThreads";
    public static final String PASSES = "passes";
    public static final String CHUNKS = "chunks";
    public static final String BYTE_SUM = "byteSum";
    private static final long COUNTED_PASSES = 3;
    private static final Set<Model> MODELS = Set.of(Model.PLATFORM, Model.VIRTUAL, Model.FUTURE, Model.FUTURE_POOL,
            Model.COROUTINE, Model.SUSPEND);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A cell's files, read by its fixed-work passes and then its timed ones, and what the last passes measured. */
    static final class Cell {
        final FileSet files;
        Chunks chunks;
        Rusage cpuBefore;
        double cpuMsPerPass = -1;
        int ioPoolPeak = -1;
        int peakThreads = -1;

        Cell(FileSet files) {
            this.files = files;
        }
    }

    private static final Spec SPEC = Spec.of("pump", "files read in chunks, each processed with CPU work, sequentially or pumping the next read first; ms per pass, CPU and I/O pool size",
            new Origin("A blog post's \"async pump\" and its critics: overlapping the next file read with processing the last "
                + "chunk, and what compute on the I/O thread does to the I/O pool.",
                "A claim, not a figure: compute past the next I/O call on completion threads makes the I/O pool grow."),
            List.of(Style.THREADS, Style.CALLBACK, Style.COROUTINES),
            List.of(
                Param.of(FILES, "files read at once", 1, 4_096, List.of(4L), List.of(8L), List.of(8L, 64L)),
                Param.of(FILE_KIB, "size of each file", 1, 1 << 20, List.of(256L), List.of(1024L), List.of(1024L, 16_384L)),
                Param.of(CHUNK_KIB, "bytes a read asks for", 1, 1 << 16, List.of(64L), List.of(64L), List.of(64L)),
                Param.of(WORK_MICROS, "CPU work per chunk after it is summed", 0, 1_000_000,
                        List.of(50L), List.of(50L), List.of(0L, 10L, 50L, 200L)),
                Param.choice(VARIANT, "sequential: await a read, process, read the next; pump: issue the next read, then process (asynchronous models)",
                        VARIANTS, List.of("sequential"), VARIANTS, VARIANTS),
                Param.choice(READS, "disk: O_DIRECT reads from the device; pageCache: reads copied from the page cache",
                        READ_KINDS, List.of("disk"), List.of("disk"), READ_KINDS),
                Param.choice(IO_POOL, "the asynchronous channels' I/O pool: bounded, one thread per core; cached, a thread more whenever none is idle",
                        IO_POOLS, List.of("bounded"), IO_POOLS, IO_POOLS)),
            new Headline(MS_PER_PASS, false, true))
            // One model per place the code after a read runs: platform and virtual threads, the I/O thread or a pool, each way.
            .withOnly(MODELS);

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** Blocking reads have one variant, the thread reads, then processes, and no I/O pool. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return model.style() == Style.THREADS
                ? grid.stream().filter(p -> p.choice(VARIANT).equals("sequential") && p.choice(IO_POOL).equals("bounded")).toList()
                : grid;
    }

    @Override
    public Optional<String> reject(Point point) {
        if (point.choice(READS).equals("disk") && (point.count(FILE_KIB) % 4 != 0 || point.count(CHUNK_KIB) % 4 != 0)) {
            return Optional.of("reads=disk reads whole blocks: fileKiB and chunkKiB must be multiples of 4 (or choose reads=pageCache)");
        }
        return Optional.empty();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 128;
    }

    @Override
    protected long countedIterations(Point point) {
        return COUNTED_PASSES;
    }

    @Override
    protected Cell open(Model model, Point point) throws IOException, LimitReachedException {
        return new Cell(new FileSet(point.intCount(FILES), point.count(FILE_KIB) * 1024,
                Math.toIntExact(point.count(CHUNK_KIB) * 1024), point.choice(READS).equals("disk")));
    }

    @Override
    protected void close(Cell cell) throws IOException {
        cell.files.close();
    }

    @Override
    protected CompletableFuture<Void> start(ModelRuntime runtime, Point point, Tally tally, Cell cell) {
        int count = point.intCount(FILES);
        int chunk = Math.toIntExact(point.count(CHUNK_KIB) * 1024);
        boolean pump = point.choice(VARIANT).equals("pump");
        FileSet files = cell.files;
        try {
            Chunks chunks = new Chunks(TimeUnit.MICROSECONDS.toNanos(point.count(WORK_MICROS)));
            cell.chunks = chunks;
            ThreadPoolExecutor io = ioPool(point.choice(IO_POOL));
            cell.cpuBefore = Rusage.self();
            THREADS.resetPeakThreadCount();
            AutoCloseable reader;
            IntFunction<CompletableFuture<Void>> file;
            switch (runtime) {
                case ModelRuntime.Threads t -> {
                    BlockingPump blocking = new BlockingPump(files, chunk, t.factory(), chunks);
                    reader = blocking;
                    file = blocking::file;
                }
                case ModelRuntime.Callback c -> {
                    FuturePump futures = new FuturePump(files, chunk, pump, io, c.runsInline() ? null : c.pool(), chunks);
                    reader = futures;
                    file = futures::file;
                }
                case ModelRuntime.Coroutines c -> {
                    CoroutinePump coroutines = new CoroutinePump(files, chunk, pump, io, c.runtime(), chunks);
                    reader = coroutines;
                    file = coroutines::file;
                }
                case ModelRuntime.Continuations _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _ ->
                        throw new IllegalArgumentException("pump has no " + runtime.style() + " version");
            }
            return passes(count, file, reader, io, tally, cell);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The I/O pool the asynchronous channels complete their reads on. */
    private static ThreadPoolExecutor ioPool(String kind) {
        ThreadFactory threads = Thread.ofPlatform().name("io-", 0).daemon().factory();
        if (kind.equals("cached")) {
            return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new ThreadPoolExecutor(cores, cores, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** On a platform thread of its own: every pass starts every file and waits for all, until the tally says stop. */
    private CompletableFuture<Void> passes(int count, IntFunction<CompletableFuture<Void>> file, AutoCloseable reader,
            ThreadPoolExecutor io, Tally tally, Cell cell) {
        return Plain.onThread(Thread.ofPlatform().name("pump-driver").factory(), () -> {
            try (reader) {
                while (tally.more()) {
                    List<CompletableFuture<Void>> pass = new ArrayList<>();
                    for (int f = 0; f < count; f++) {
                        pass.add(file.apply(f));
                    }
                    CompletableFuture.allOf(pass.toArray(CompletableFuture[]::new)).get();
                    tally.next();
                }
                Rusage cpu = Rusage.self().since(cell.cpuBefore);
                cell.cpuMsPerPass = (cpu.userNanos() + cpu.systemNanos()) / 1e6 / Math.max(1, tally.iterations());
                cell.peakThreads = THREADS.getPeakThreadCount();
                cell.ioPoolPeak = io.getLargestPoolSize();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                io.shutdownNow();
            }
        });
    }

    @Override
    protected void verify(Point point, Tally tally, Cell cell) throws WorkMismatchException {
        FileSet files = cell.files;
        Chunks chunks = cell.chunks;
        long passes = tally.iterations();
        long perFile = (files.bytesPerFile() + point.count(CHUNK_KIB) * 1024 - 1) / (point.count(CHUNK_KIB) * 1024);
        WorkMismatchException.requireEqual(PASSES + " x files x chunks per file", passes * point.count(FILES) * perFile, CHUNKS, chunks.chunks());
        WorkMismatchException.requireEqual(PASSES + " x sum of every byte", passes * files.byteSum(), BYTE_SUM, chunks.byteSum());
    }

    @Override
    protected Map<String, Long> counters(Point point, Tally tally, Cell cell) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(PASSES, tally.iterations());
        counts.put(CHUNKS, cell.chunks.chunks());
        counts.put(BYTE_SUM, cell.chunks.byteSum());
        return counts;
    }

    @Override
    protected Map<String, Metric> metrics(Point point, Metric iterationsPerSecond, Cell cell) {
        double megabytes = point.count(FILES) * point.count(FILE_KIB) / 1024.0;
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(MS_PER_PASS, timePerEvent(iterationsPerSecond, 1e3, "ms"));
        metrics.put(MB_PER_SECOND, perWindow(iterationsPerSecond, r -> r * megabytes, "MiB/s"));
        metrics.put(CPU_MS_PER_PASS, Metric.once(cell.cpuMsPerPass, "ms"));
        metrics.put(PEAK_THREADS, Metric.once(cell.peakThreads, "threads"));
        if (cell.ioPoolPeak > 0) {
            metrics.put(IO_POOL_PEAK, Metric.once(cell.ioPoolPeak, "threads"));
        }
        return metrics;
    }

    /** Blocking reads: a thread from the model's factory per file, reading chunk after chunk and processing each. */
    private static final class BlockingPump implements AutoCloseable {
        private final List<FileChannel> channels = new ArrayList<>();
        private final FileSet files;
        private final long size;
        private final int chunk;
        private final ThreadFactory factory;
        private final Chunks chunks;

        BlockingPump(FileSet files, int chunk, ThreadFactory factory, Chunks chunks) throws IOException {
            for (java.nio.file.Path file : files.files()) {
                channels.add(FileChannel.open(file, files.options()));
            }
            this.files = files;
            this.size = files.bytesPerFile();
            this.chunk = chunk;
            this.factory = factory;
            this.chunks = chunks;
        }

        CompletableFuture<Void> file(int f) {
            return Plain.onThread(factory, () -> {
                ByteBuffer buffer = files.buffer(chunk);
                long count = 0;
                long sum = 0;
                for (long at = 0; at < size; ) {
                    buffer.clear();
                    int n = channels.get(f).read(buffer, at);
                    if (n <= 0) {
                        throw new IOException("read " + n + " bytes at " + at + " of " + size);
                    }
                    sum += chunks.process(buffer, n);
                    count++;
                    at += n;
                }
                chunks.fileDone(count, sum);
            });
        }

        @Override
        public void close() throws IOException {
            for (FileChannel c : channels) {
                c.close();
            }
        }
    }
}
