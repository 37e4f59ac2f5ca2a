package asyncbench.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kernel settings that cap how many platform threads this machine can hold, and how many are
 * in use now. Each value is -1 where it cannot be read; "unlimited" reads as {@link Long#MAX_VALUE}.
 */
public record KernelLimits(
        long pidMax, long threadsMax, long maxMapCount, long maxUserProcesses, long stackSizeBytes,
        long threadsOnMachine, long mapsOfThisProcess) {

    public static KernelLimits read() {
        return new KernelLimits(
                number(Path.of("/proc/sys/kernel/pid_max")),
                number(Path.of("/proc/sys/kernel/threads-max")),
                number(Path.of("/proc/sys/vm/max_map_count")),
                softLimit("Max processes"),
                softLimit("Max stack size"),
                countThreadsOnMachine(),
                lines(Path.of("/proc/self/maps")));
    }

    /** The limits as named in the kernel and by ulimit, for reports and results. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("kernel.pid_max", pidMax);
        map.put("kernel.threads-max", threadsMax);
        map.put("vm.max_map_count", maxMapCount);
        map.put("ulimit -u", maxUserProcesses);
        map.put("ulimit -s (bytes)", stackSizeBytes);
        map.put("threads on machine", threadsOnMachine);
        return map;
    }

    private static long countThreadsOnMachine() {
        // /proc/loadavg's fourth field is "runnable/total" scheduling entities, i.e. all threads
        try {
            String[] fields = firstLine(Path.of("/proc/loadavg")).split("\\s+");
            return Long.parseLong(fields[3].substring(fields[3].indexOf('/') + 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** This process's soft limit on open file descriptors ({@code ulimit -n}); -1 where it cannot be read. */
    public static long openFiles() {
        return softLimit("Max open files");
    }

    private static long softLimit(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(name)) {
                    String soft = line.substring(name.length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long number(Path path) {
        try {
            return Long.parseLong(firstLine(path));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The first line of a /proc file; Files.readString may read a single byte of them, since they report size 0. */
    private static String firstLine(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        return lines.isEmpty() ? "" : lines.getFirst().trim();
    }

    private static long lines(Path path) {
        try (Stream<String> lines = Files.lines(path)) {
            return lines.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Limits shown by {@code doctor}: name, value, and what the value allows. */
    public List<String[]> explain() {
        ThreadBudget budget = ThreadBudget.of(this);
        return List.of(
                new String[] {"kernel.pid_max", show(pidMax),
                    "every thread takes a pid: at most " + show(pidMax) + " threads on the machine, "
                        + show(threadsOnMachine) + " exist now"},
                new String[] {"kernel.threads-max", show(threadsMax), "threads on the whole machine"},
                new String[] {"vm.max_map_count", show(maxMapCount),
                    "memory maps per process; each platform thread stack takes " + ThreadBudget.MAPS_PER_THREAD
                        + ", this JVM has " + show(mapsOfThisProcess)},
                new String[] {"ulimit -u", show(maxUserProcesses), "processes + threads of this user (not enforced for root)"},
                new String[] {"ulimit -s", show(stackSizeBytes), "default native stack reservation; the JVM uses -Xss (1 MiB) for Java threads"},
                new String[] {"platform threads free", Long.toString(budget.available()),
                    "new platform threads this JVM can start leaving " + ThreadBudget.SPARE_PIDS
                        + " pids spare; first limit to bite: " + budget.limit()});
    }

    private static String show(long value) {
        return value == Long.MAX_VALUE ? "unlimited" : Long.toString(value);
    }
}
