package asyncbench.experiment.io.pump;

import asyncbench.experiment.LimitReachedException;
import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files a pump reads, written by the experiment into a temporary directory and deleted with it:
 * {@code count} files of {@code bytes} bytes each, byte i of file f being (31 i + 7 f) mod 256, so that
 * the sum of every byte read is known before any is.
 *
 * <p>Read {@code direct}ly, the files are opened with O_DIRECT ({@code ExtendedOpenOption.DIRECT}):
 * every read goes to the device, past the page cache, so a read takes the device's time, which an
 * asynchronous read can overlap with processing. The files are forced to the device when written;
 * reads go into buffers aligned to the file system's block, at offsets and of lengths that are
 * multiples of it.
 */
final class FileSet implements AutoCloseable {
    /** File systems in memory: O_DIRECT, if they take it, reads memory. */
    private static final Set<String> MEMORY_FILE_SYSTEMS = Set.of("tmpfs", "ramfs");
    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private final long bytes;
    private final boolean direct;
    private int block = 1;
    private long byteSum;

    FileSet(int count, long bytes, int chunk, boolean direct) throws IOException, LimitReachedException {
        this(Path.of(System.getProperty("java.io.tmpdir")), count, bytes, chunk, direct);
    }

    /** The files in a new directory under {@code parent}. */
    FileSet(Path parent, int count, long bytes, int chunk, boolean direct) throws IOException, LimitReachedException {
        this.dir = Files.createTempDirectory(parent, "asyncbench-pump-");
        this.bytes = bytes;
        this.direct = direct;
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try {
            for (int f = 0; f < count; f++) {
                Path file = dir.resolve("file-" + f);
                try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (long at = 0; at < bytes; at += block.capacity()) {
                        block.clear();
                        int n = (int) Math.min(block.capacity(), bytes - at);
                        for (int i = 0; i < n; i++) {
                            int b = (int) (((at + i) * 31 + f * 7) & 0xff);
                            block.put((byte) b);
                            byteSum += b;
                        }
                        block.flip();
                        while (block.hasRemaining()) {
                            out.write(block);
                        }
                    }
                    out.force(true);
                }
                files.add(file);
            }
            if (direct) {
                requireDirectReads(chunk);
            }
        } catch (IOException | LimitReachedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Refuses the cell unless the files' file system opens them with O_DIRECT and its block fits the reads. */
    private void requireDirectReads(int chunk) throws IOException, LimitReachedException {
        Path first = files.getFirst();
        java.nio.file.FileStore store = Files.getFileStore(first);
        if (MEMORY_FILE_SYSTEMS.contains(store.type())) {
            throw new LimitReachedException(0, "O_DIRECT", dir.getParent() + " is on " + store.type()
                    + ", which has no device to read from (reads=disk); point java.io.tmpdir at a disk's file system, or choose reads=pageCache");
        }
        block = Math.toIntExact(store.getBlockSize());
        try (FileChannel probe = FileChannel.open(first, options())) {
            // O_DIRECT accepted
        } catch (IOException e) {
            throw new LimitReachedException(0, "O_DIRECT", "the file system of " + dir.getParent()
                    + " does not read with O_DIRECT (reads=disk); point java.io.tmpdir at a disk's file system, or choose reads=pageCache");
        }
        if (bytes % block != 0 || chunk % block != 0) {
            throw new LimitReachedException(0, "O_DIRECT", "reads=disk needs files and chunks of a multiple of the file system's block ("
                    + block + " bytes), not " + bytes + " and " + chunk);
        }
    }

    /** How a reader opens the files: for reading, and past the page cache when direct. */
    Set<OpenOption> options() {
        return direct ? Set.of(StandardOpenOption.READ, ExtendedOpenOption.DIRECT) : Set.of(StandardOpenOption.READ);
    }

    /** A buffer of {@code chunk} bytes for one read: aligned to the file system's block when direct. */
    ByteBuffer buffer(int chunk) {
        return ByteBuffer.allocateDirect(chunk + block).alignedSlice(block).slice(0, chunk);
    }

    List<Path> files() {
        return files;
    }

    long bytesPerFile() {
        return bytes;
    }

    /** The sum of every byte of every file, read once. */
    long byteSum() {
        return byteSum;
    }

    @Override
    public void close() throws IOException {
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }
}
