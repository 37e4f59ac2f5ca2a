package asyncbench.runner;

import asyncbench.os.KernelLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The machine and source a run used, recorded in every cell of it. */
public final class Host {
    private Host() {
    }

    public static Map<String, Object> describe() {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cores", Runtime.getRuntime().availableProcessors());
        host.put("memTotalBytes", memTotalBytes());
        host.put("cpu", cpuModel());
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        host.put("gitCommit", gitCommit());
        host.put("kernelLimits", KernelLimits.read().asMap());
        return host;
    }

    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static long memTotalBytes() {
        return procLine(Path.of("/proc/meminfo"), "MemTotal:")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024).orElse(-1L);
    }

    static String cpuModel() {
        return procLine(Path.of("/proc/cpuinfo"), "model name").map(v -> v.replaceFirst("^\\s*:\\s*", "")).orElse("unknown");
    }

    private static Optional<String> procLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
