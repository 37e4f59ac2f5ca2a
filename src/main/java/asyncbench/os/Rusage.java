package asyncbench.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * CPU time and context switches of the whole process, all threads including those that have
 * exited, from {@code getrusage(RUSAGE_SELF)} through the Foreign Function API.
 * ({@code /proc/self/status} would count the main thread alone.)
 */
public record Rusage(long userNanos, long systemNanos, long voluntarySwitches, long involuntarySwitches) {
    private static final int RUSAGE_SELF = 0;
    /** struct rusage on 64-bit Linux: two timevals, then fourteen longs. */
    private static final long SIZE = 144;
    private static final long NVCSW = 128;
    private static final long NIVCSW = 136;
    private static final MethodHandle GETRUSAGE = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getrusage").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));

    public static Rusage self() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment usage = arena.allocate(SIZE, 8);
            int rc = (int) GETRUSAGE.invokeExact(RUSAGE_SELF, usage);
            if (rc != 0) {
                throw new IllegalStateException("getrusage failed with " + rc);
            }
            return new Rusage(
                    timeval(usage, 0), timeval(usage, 16),
                    usage.get(ValueLayout.JAVA_LONG, NVCSW), usage.get(ValueLayout.JAVA_LONG, NIVCSW));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("getrusage failed", t);
        }
    }

    /** What happened between {@code before} and this. */
    public Rusage since(Rusage before) {
        return new Rusage(userNanos - before.userNanos, systemNanos - before.systemNanos,
                voluntarySwitches - before.voluntarySwitches, involuntarySwitches - before.involuntarySwitches);
    }

    private static long timeval(MemorySegment usage, long offset) {
        return usage.get(ValueLayout.JAVA_LONG, offset) * 1_000_000_000L
                + usage.get(ValueLayout.JAVA_LONG, offset + 8) * 1_000L;
    }
}
