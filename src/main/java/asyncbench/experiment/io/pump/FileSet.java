package asyncbench.experiment.io.pump;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a pump reads, written by the experiment into a temporary directory and deleted with it:
 * {@code count} files of {@code bytes} bytes each, byte i of file f being (31 i + 7 f) mod 256, so that
 * the sum of every byte read is known before any is.
 */
final class FileSet implements AutoCloseable {
    private final Path dir;
    private final List<Path> files = new ArrayList<>();
    private final long bytes;
    private long byteSum;

    FileSet(int count, long bytes) throws IOException {
        this.dir = Files.createTempDirectory("asyncbench-pump-");
        this.bytes = bytes;
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
                }
                files.add(file);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
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
