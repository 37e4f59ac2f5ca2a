package asyncbench.runner;

import asyncbench.experiment.Experiment;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import asyncbench.stats.Decision;
import asyncbench.stats.Decisions;
import asyncbench.stats.RatioInterval;
import asyncbench.stats.Verdict;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a run's remaining time goes: to the undecided headline contrast (a model against its
 * experiment's first model at one point) that the fewest seconds of more JVMs would settle, at the
 * spread its cells show so far, those whose two figures are 2x apart or more first (an answer that
 * large left undecided is the one a reader misses most); one more JVM for each of its two cells at a time, then the contrasts are
 * weighed again. A contrast that even {@link RatioInterval#MAX_FORKS} JVMs would not settle, or whose
 * next round does not fit in the time left, gets none.
 */
final class Budget {
    /** One round: a JVM more for each of {@code cells}, because of the contrast in {@code why}. */
    record Step(List<String> cells, String why, boolean twofold, double cost) {
    }

    /** Twofold differences first, then the cheapest to settle. */
    private static final Comparator<Step> FIRST = Comparator.comparing((Step s) -> !s.twofold()).thenComparingDouble(Step::cost);

    private Budget() {
    }

    static Optional<Step> next(Catalog catalog, Plan plan, Map<String, CellResult> state, Set<String> closed,
            double remainingSeconds) {
        Step best = null;
        for (String name : plan.experiments()) {
            Experiment e = catalog.byName(name).orElseThrow();
            List<CellResult> cells = state.values().stream().filter(c -> c.experiment().equals(name)).toList();
            List<String> models = Decisions.models(e, cells);
            if (models.size() < 2) {
                continue;
            }
            Map<Map<String, Long>, Map<String, CellResult>> byPoint = new LinkedHashMap<>();
            cells.forEach(c -> byPoint.computeIfAbsent(c.params(), k -> new LinkedHashMap<>()).put(c.model(), c));
            for (Map.Entry<Map<String, Long>, Map<String, CellResult>> point : byPoint.entrySet()) {
                CellResult baseline = point.getValue().get(models.getFirst());
                if (baseline == null) {
                    continue;
                }
                for (String model : models.subList(1, models.size())) {
                    CellResult other = point.getValue().get(model);
                    if (other == null) {
                        continue;
                    }
                    Decision d = Decisions.pair(e, point.getKey(), Optional.of(baseline), Optional.of(other));
                    if (d.verdict() != Verdict.UNDECIDED || d.forksNeeded() == null
                            || !open(baseline, closed) || !open(other, closed)) {
                        continue;
                    }
                    double round = perFork(baseline) + perFork(other);
                    if (round > remainingSeconds) {
                        continue;
                    }
                    double cost = Math.max(0, d.forksNeeded() - forks(baseline)) * perFork(baseline)
                            + Math.max(0, d.forksNeeded() - forks(other)) * perFork(other);
                    boolean twofold = d.ratio() != null && Math.abs(Math.log(d.ratio())) >= Math.log(2);
                    Step step = new Step(List.of(baseline.key(), other.key()), d.sentence(), twofold, Math.max(cost, round));
                    if (best == null || FIRST.compare(step, best) < 0) {
                        best = step;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean open(CellResult c, Set<String> closed) {
        return c.status() == Status.OK && !closed.contains(c.key()) && forks(c) < RatioInterval.MAX_FORKS;
    }

    private static int forks(CellResult c) {
        return c.forks() == null ? 1 : c.forks();
    }

    /** Seconds one more JVM of this cell takes, from the JVMs it ran. */
    private static double perFork(CellResult c) {
        return (c.seconds() == null ? 1 : c.seconds()) / forks(c);
    }
}
