package asyncbench.cli;

import asyncbench.runner.CellResult;
import asyncbench.runner.CellSpec;
import asyncbench.runner.Progress;
import asyncbench.runner.Status;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** One line per cell on standard error: what runs, then how it ended, elapsed time and time left. */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(int index, int total, CellSpec cell) {
        err.printf(Locale.ROOT, "[%d/%d] %s ...%n", index, total, cell.key());
        err.flush();
    }

    @Override
    public void finished(int index, int total, CellResult result, Duration elapsed, Duration left) {
        String figure = result.status() == Status.OK && result.metrics() != null
                ? result.metrics().entrySet().stream().findFirst()
                        .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4g", e.getValue().value()))
                        .orElse("")
                : result.message();
        err.printf(Locale.ROOT, "[%d/%d]   %s %s (%.1f s) | elapsed %s, about %s left%n", index, total,
                result.status().id(), figure, result.seconds(), clock(elapsed), clock(left));
        err.flush();
    }

    private static String clock(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
