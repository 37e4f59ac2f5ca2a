package asyncbench.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What else the machine is doing, before the lab measures: the load average, the other processes that
 * used a noticeable share of a core over a short sample (from {@code /proc/<pid>/stat}), and build
 * daemons left running beside the measurements. On a 2-core machine one busy process is half of it.
 */
public record MachineLoad(double loadAverage, int cores, List<Busy> busy, List<Busy> daemons) {
    /** A process other than this one, and the cores it used during the sample. */
    public record Busy(long pid, String name, double coresUsed) {
    }

    /** Another process at this share of a core or more makes the machine busy. */
    static final double BUSY_SHARE = 0.2;
    private static final double TICKS_PER_SECOND = 100;
    private static final List<String> DAEMONS = List.of("KotlinCompileDaemon", "GradleDaemon", "MavenDaemon");

    /** Samples every other process's CPU time over {@code window}; the machine's own figures where /proc is absent are empty. */
    public static MachineLoad sample(Duration window) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        Map<Long, Long> before = cpuTicks(self);
        Thread.sleep(window.toMillis());
        Map<Long, Long> after = cpuTicks(self);
        double seconds = window.toMillis() / 1000.0;
        List<Busy> busy = new ArrayList<>();
        after.forEach((pid, ticks) -> {
            long used = ticks - before.getOrDefault(pid, ticks);
            double cores = used / TICKS_PER_SECOND / seconds;
            if (cores >= BUSY_SHARE) {
                busy.add(new Busy(pid, name(pid), cores));
            }
        });
        busy.sort((a, b) -> Double.compare(b.coresUsed(), a.coresUsed()));
        List<Busy> daemons = new ArrayList<>();
        for (long pid : after.keySet()) {
            String cmd = commandLine(pid);
            DAEMONS.stream().filter(cmd::contains).findFirst().ifPresent(d -> daemons.add(new Busy(pid, d, 0)));
        }
        return new MachineLoad(readLoadAverage(), Runtime.getRuntime().availableProcessors(), List.copyOf(busy), List.copyOf(daemons));
    }

    /** Whether another process used a noticeable share of a core during the sample, or a build daemon is running. */
    public boolean isBusy() {
        return !busy.isEmpty() || !daemons.isEmpty();
    }

    /** One sentence: what else ran, or that nothing did. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "load average %.2f over 1 min on %d cores", loadAverage, cores));
        if (busy.isEmpty()) {
            s.append(String.format(Locale.ROOT, "; no other process used %.0f%% of a core or more in the sample", BUSY_SHARE * 100));
        } else {
            s.append("; busy: ").append(String.join(", ", busy.stream().limit(5).map(b ->
                    String.format(Locale.ROOT, "%s (pid %d) %.0f%% of a core", b.name(), b.pid(), b.coresUsed() * 100)).toList()));
        }
        if (!daemons.isEmpty()) {
            s.append("; build daemons running beside the measurements: ").append(String.join(", ",
                    daemons.stream().map(d -> d.name() + " (pid " + d.pid() + ")").toList()));
        }
        return s.toString();
    }

    private static Map<Long, Long> cpuTicks(long self) {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit)).forEach(n -> {
                long pid = Long.parseLong(n);
                if (pid == self) {
                    return;
                }
                try {
                    String stat = Files.readString(Path.of("/proc", n, "stat"));
                    // the name may hold spaces and parentheses: the fields start after the last ')'
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended between listing and reading
                }
            });
        } catch (IOException noProc) {
            // not Linux: nothing to say
        }
        return ticks;
    }

    private static String name(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException gone) {
            return "?";
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static double readLoadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException absent) {
            return Double.NaN;
        }
    }
}
