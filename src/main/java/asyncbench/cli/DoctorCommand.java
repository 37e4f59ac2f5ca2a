package asyncbench.cli;

import asyncbench.os.MachineLoad;
import asyncbench.os.KernelLimits;
import asyncbench.os.ProcStatus;
import asyncbench.os.Rusage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Shows the JDK, cores, memory, how busy the machine is, open files, the tools and originals present, and the kernel limits that cap thread counts.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("JDK:    " + System.getProperty("java.vendor") + " " + Runtime.version() + " at " + System.getProperty("java.home"));
        out.println("Cores:  " + Runtime.getRuntime().availableProcessors());
        out.println("Memory: " + memTotal());
        out.println("This JVM: " + ProcStatus.read().threads() + " threads; getrusage "
                + (Rusage.self().voluntarySwitches() >= 0 ? "works" : "fails"));
        MachineLoad load = MachineLoad.sample(java.time.Duration.ofSeconds(1));
        out.println("Machine: " + (load.isBusy() ? "BUSY: " : "quiet: ") + load.describe());
        long files = asyncbench.os.KernelLimits.openFiles();
        out.println("Open files: ulimit -n " + (files < 0 ? "unknown" : files + ": a brigade over pipes or sockets takes two a task, about "
                + Math.max(0, (files - 256) / 2) + " tasks"));
        out.println("Tools:  wrk " + (onPath("wrk") ? "installed" : "missing") + ", chromium " + (onPath("chromium") ? "installed" : "missing")
                + (onPath("wrk") && onPath("chromium") ? "" : " (./asyncbench setup installs them)"));
        java.util.List<String> originals = java.util.stream.Stream.of("thread-brigade", "async-brigade", "one-thread-brigade", "async-mem-brigade",
                "thread-creation", "async-creation", "rust-async-bench-run").filter(p -> !asyncbench.external.Anchors.present(p)).toList();
        out.println("Rust originals: " + (originals.isEmpty() ? "built in " + asyncbench.external.Anchors.directory()
                : originals.size() + " of 7 programs missing in " + asyncbench.external.Anchors.directory() + " (./asyncbench setup rust-anchors SOURCES)"));
        out.println();
        out.println("Limits on platform threads:");
        for (String[] row : KernelLimits.read().explain()) {
            out.printf("  %-22s %-12s %s%n", row[0], row[1], row[2]);
        }
        out.flush();
        return 0;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static String memTotal() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> gibibytes(l.substring("MemTotal:".length()).strip())).findFirst().orElse("unknown");
    }

    /** {@code 24684096 kB} as {@code 23.5 GiB}; anything else as it is. */
    static String gibibytes(String meminfo) {
        String[] parts = meminfo.split("\\s+");
        if (parts.length != 2 || !parts[1].equals("kB") || !parts[0].chars().allMatch(Character::isDigit)) {
            return meminfo;
        }
        return String.format(java.util.Locale.ROOT, "%.1f GiB", Long.parseLong(parts[0]) / (1024.0 * 1024.0));
    }
}
