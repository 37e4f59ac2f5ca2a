package asyncbench.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's memory and thread count from {@code /proc/<pid>/status}. */
public record ProcStatus(long rssBytes, long peakRssBytes, long threads) {
    /** Clock ticks per second of {@code /proc/<pid>/stat} times: 100 on Linux for x86 and arm64. */
    private static final long TICKS_PER_SECOND = 100;

    /** This process. */
    public static ProcStatus read() {
        return of(Path.of("/proc/self/status"));
    }

    /** Process {@code pid}. */
    public static ProcStatus of(long pid) {
        return of(Path.of("/proc", Long.toString(pid), "status"));
    }

    /** CPU time (user + system) process {@code pid} used so far, in nanoseconds, from {@code /proc/<pid>/stat}. */
    public static long cpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcStatus of(Path status) {
        try {
            long rss = 0;
            long hwm = 0;
            long threads = 0;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kilobytes(line) * 1024;
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring("Threads:".length()).trim());
                }
            }
            return new ProcStatus(rss, hwm, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long kilobytes(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }
}
