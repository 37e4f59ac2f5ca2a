package asyncbench.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * A non-blocking pipe that nobody writes to: each {@link #read()} is one real {@code read(2)} system
 * call that fails with EAGAIN, standing in for the cost of real I/O. Calls libc through the Foreign
 * Function API.
 */
public final class EmptyPipe implements AutoCloseable {
    private static final int O_NONBLOCK = 0x800;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle PIPE2 = LINKER.downcallHandle(
            LINKER.defaultLookup().find("pipe2").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle READ = LINKER.downcallHandle(
            LINKER.defaultLookup().find("read").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private final Arena arena = Arena.ofShared();
    private final MemorySegment byteBuffer = arena.allocate(1);
    private final int readFd;
    private final int writeFd;

    public EmptyPipe() {
        MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
        int rc = call(PIPE2, fds);
        if (rc != 0) {
            arena.close();
            throw new IllegalStateException("pipe2 failed with " + rc);
        }
        readFd = fds.getAtIndex(ValueLayout.JAVA_INT, 0);
        writeFd = fds.getAtIndex(ValueLayout.JAVA_INT, 1);
    }

    /** One read(2) of one byte; on an empty non-blocking pipe it returns -1 (EAGAIN). */
    public long read() {
        try {
            return (long) READ.invokeExact(readFd, byteBuffer, 1L);
        } catch (Throwable t) {
            throw new IllegalStateException("read(2) failed", t);
        }
    }

    @Override
    public void close() {
        try {
            int a = (int) CLOSE.invokeExact(readFd);
            int b = (int) CLOSE.invokeExact(writeFd);
            if (a != 0 || b != 0) {
                throw new IllegalStateException("close failed");
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("close failed", t);
        } finally {
            arena.close();
        }
    }

    private static int call(MethodHandle pipe2, MemorySegment fds) {
        try {
            return (int) pipe2.invokeExact(fds, O_NONBLOCK);
        } catch (Throwable t) {
            throw new IllegalStateException("pipe2 failed", t);
        }
    }
}
