package asyncbench.report;

import asyncbench.result.CellResult;
import asyncbench.result.RuntimeEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why a model lost, where the flight recorder saw it (run --jfr): at each point where a model is clearly
 * behind the best one, what its cell's runtime did, in amounts that can matter, that the best one's did
 * not: virtual threads pinned when they parked (100 times or more), carriers the scheduler added for
 * blocked ones (any), and GC pauses taking 5% or more of its JVM's time and twice the leader's. A
 * recording is of the cell's first JVM; a JVM's time is the cell's time over its forks.
 */
final class RuntimeCauses {
    /** Lines shown per experiment; the rest are counted. */
    static final int SHOWN = 6;
    private static final long PINNED_PARKS = 100;
    private static final double GC_SHARE = 0.05;

    private RuntimeCauses() {
    }

    static List<String> of(ExperimentResults r, Winners winners) {
        List<String> lines = new ArrayList<>();
        for (Winners.Spot p : winners.points()) {
            if (p.leaders().isEmpty()) {
                continue;
            }
            String best = p.best().orElseThrow();
            Optional<RuntimeEvents> leader = events(r.cell(best, p.row(), p.column()));
            for (String model : r.models) {
                Optional<CellResult> cell = r.cell(model, p.row(), p.column());
                if (p.leaders().contains(model) || cell.flatMap(r::headlineOf).isEmpty()) {
                    continue;
                }
                Optional<RuntimeEvents> mine = events(cell);
                if (mine.isEmpty()) {
                    continue;
                }
                List<String> why = reasons(mine.get(), leader, jvmMillis(cell.get()));
                if (!why.isEmpty()) {
                    lines.add(model + " behind " + best + " at " + where(r, p) + ": " + String.join(", ", why));
                }
            }
        }
        return lines;
    }

    private static List<String> reasons(RuntimeEvents e, Optional<RuntimeEvents> leader, Optional<Double> jvmMillis) {
        List<String> why = new ArrayList<>();
        if (e.pinnedParks() >= PINNED_PARKS && e.pinnedParks() > leader.map(RuntimeEvents::pinnedParks).orElse(0L)) {
            why.add(Units.scaled(e.pinnedParks()) + " pinned parks");
        }
        if (e.carriersAdded() > leader.map(RuntimeEvents::carriersAdded).orElse(0L)) {
            why.add(e.carriersAdded() + " carrier threads added beyond the scheduler's " + e.carrierParallelism());
        }
        double theirs = leader.map(RuntimeEvents::gcPauseTotalMillis).orElse(0.0);
        double share = jvmMillis.map(ms -> e.gcPauseTotalMillis() / ms).orElse(0.0);
        if (share >= GC_SHARE && e.gcPauseTotalMillis() >= 2 * theirs) {
            why.add(String.format(Locale.ROOT, "GC paused it %.0f ms in %d collection%s, %.0f%% of its JVM's time (the leader %.0f ms)",
                    e.gcPauseTotalMillis(), e.gcs(), e.gcs() == 1 ? "" : "s", 100 * share, theirs));
        }
        return why;
    }

    /** The wall time of one of the cell's JVMs, when the cell recorded its time. */
    private static Optional<Double> jvmMillis(CellResult c) {
        int forks = c.forks() == null ? 1 : c.forks();
        return Optional.ofNullable(c.seconds()).filter(s -> s > 0).map(s -> 1000 * s / forks);
    }

    private static Optional<RuntimeEvents> events(Optional<CellResult> cell) {
        return cell.map(CellResult::resources).map(res -> res.runtime());
    }

    private static String where(ExperimentResults r, Winners.Spot p) {
        List<String> parts = new ArrayList<>();
        if (!r.rows.isEmpty()) {
            parts.add(r.rowParam() + "=" + r.rowValue(p.row()));
        }
        for (Map.Entry<String, Object> e : p.column().values().entrySet()) {
            parts.add(e.getKey() + "=" + ExperimentResults.value(e.getValue()));
        }
        return String.join(", ", parts);
    }
}
