package asyncbench.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's memory and thread count from {@code /proc/self/status}. */
public record ProcStatus(long rssBytes, long peakRssBytes, long threads) {

    public static ProcStatus read() {
        try {
            long rss = 0;
            long hwm = 0;
            long threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
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
