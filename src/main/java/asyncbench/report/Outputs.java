package asyncbench.report;

import java.nio.file.Path;

/**
 * Where {@code report} and {@code compare} write: where they are told ({@code --out}); else the run's
 * own directory, unless that run is committed to the repository (its results.jsonl tracked by git),
 * which is never written into unless asked: then {@code results/reports/RUN}.
 */
public final class Outputs {
    private Outputs() {
    }

    public static Path forRun(Path runDir, Path out) throws java.io.IOException {
        Path dir = out != null ? out : committed(runDir) ? Path.of("results", "reports", runDir.getFileName().toString()) : runDir;
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }

    /** Whether git tracks the run's results: a committed run. */
    static boolean committed(Path runDir) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "--error-unmatch", runDir.resolve("results.jsonl").toString())
                    .redirectErrorStream(true).start();
            git.getInputStream().readAllBytes();
            return git.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
