package asyncbench.runner;

import asyncbench.catalog.UsageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive hold of one process on a run's directory while it measures: a second run or resume of
 * the same run is refused, so that no cell is measured twice at once on the same cores. The lock is the
 * operating system's ({@link FileChannel#tryLock()}), so it ends with the process however it ends; the
 * file stays, holding the id of the last process that measured.
 */
final class RunLock implements AutoCloseable {
    static final String FILE = "run.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock take(Path runDir) throws UsageException, IOException {
        Path file = runDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException thisProcess) {
            lock = null; // another run of this same process holds it
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new UsageException("run " + runDir.getFileName() + " is being measured by another asyncbench"
                    + (holder.isEmpty() ? "" : " (process " + holder + ")") + ": wait for it to end, then resume it if it did not finish");
        }
        // written over the old holder, then cut to length: no new block on a disk that may be full
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.truncate(pid.length);
        } catch (IOException full) {
            // the holder's id is only for the message of a refused second run
        }
        return new RunLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
