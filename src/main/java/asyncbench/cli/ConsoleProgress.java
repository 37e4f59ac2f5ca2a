package asyncbench.cli;

import asyncbench.result.CellResult;
import asyncbench.result.Status;
import asyncbench.catalog.Catalog;
import asyncbench.runner.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** On standard error: each point as it starts, each cell as it is recorded, each JVM the budget adds; elapsed time and time left. */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final Catalog catalog;

    ConsoleProgress(PrintWriter err, Catalog catalog) {
        this.err = err;
        this.catalog = catalog;
    }

    @Override
    public void point(int index, int total, String experiment, String point, int cells, int forks) {
        err.printf(Locale.ROOT, "[%d/%d] %s %s: %d model%s x %d JVM%s, interleaved ...%n", index, total, experiment, point,
                cells, cells == 1 ? "" : "s", forks, forks == 1 ? "" : "s");
        err.flush();
    }

    @Override
    public void finished(CellResult result, Duration elapsed, Duration left) {
        String figure = result.message();
        if (result.status() == Status.OK) {
            String headline = catalog.byName(result.experiment()).orElseThrow().spec().headline().metric();
            figure = result.metric(headline)
                    .map(m -> headline + "=" + String.format(Locale.ROOT, "%.4g %s", m.value(), m.unit()))
                    .orElse("");
        }
        err.printf(Locale.ROOT, "        %s %s %s (%.1f s) | elapsed %s, about %s left%n", result.model(),
                result.status().id(), figure, result.seconds(), clock(elapsed), clock(left));
        err.flush();
    }

    @Override
    public void added(String model, String why, Duration elapsed, Duration left) {
        err.printf(Locale.ROOT, "[budget] +1 JVM of %s: %s | elapsed %s, %s left%n", model, why, clock(elapsed), clock(left));
        err.flush();
    }

    private static String clock(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
