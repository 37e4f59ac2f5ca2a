package asyncbench.cli;

import asyncbench.result.CellResult;
import asyncbench.result.Status;
import asyncbench.runner.Catalog;
import asyncbench.runner.CellSpec;
import asyncbench.runner.Plan;
import asyncbench.runner.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** One line per cell on standard error: what runs, then how it ended, elapsed time and time left. */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final Catalog catalog;

    ConsoleProgress(PrintWriter err, Catalog catalog) {
        this.err = err;
        this.catalog = catalog;
    }

    @Override
    public void started(int index, int total, CellSpec cell) {
        String point = catalog.byName(cell.experiment()).map(e -> Plan.describe(e, cell.params()))
                .orElse(cell.key());
        err.printf(Locale.ROOT, "[%d/%d] %s %s %s ...%n", index, total, cell.experiment(), cell.model(), point);
        err.flush();
    }

    @Override
    public void finished(int index, int total, CellResult result, Duration elapsed, Duration left) {
        String figure = result.message();
        if (result.status() == Status.OK) {
            String headline = catalog.byName(result.experiment()).orElseThrow().headline().metric();
            figure = result.metric(headline)
                    .map(m -> headline + "=" + String.format(Locale.ROOT, "%.4g %s", m.value(), m.unit()))
                    .orElse("");
        }
        err.printf(Locale.ROOT, "[%d/%d]   %s %s (%.1f s) | elapsed %s, about %s left%n", index, total,
                result.status().id(), figure, result.seconds(), clock(elapsed), clock(left));
        err.flush();
    }

    private static String clock(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
