package asyncbench.os;

import java.util.concurrent.TimeUnit;

/** Child processes the lab starts (cells, servers) and must not leave behind. */
public final class Processes {
    private Processes() {
    }

    /** Kills {@code process} and every process it started, and waits up to ten seconds for it to end. */
    public static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
