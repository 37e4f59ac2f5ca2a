package asyncbench.runner;

import asyncbench.catalog.Catalog;
import asyncbench.result.Point;
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
 * large left undecided is the one a reader misses most). Its next JVM goes to the side where one more
 * narrows the interval most per second ({@link RatioInterval#cheapest}); then the contrasts are weighed
 * again. A contrast that even {@link RatioInterval#MAX_FORKS} JVMs a side would not settle, or whose next
 * JVM does not fit in the time left, gets none.
 */
final class Budget {
    /** One JVM more for {@code cell}, because of the contrast in {@code why}. */
    record Step(String cell, String why, boolean twofold, double cost) {
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
            Map<Point, Map<String, CellResult>> byPoint = new LinkedHashMap<>();
            cells.forEach(c -> byPoint.computeIfAbsent(c.params(), k -> new LinkedHashMap<>()).put(c.model(), c));
            for (Map.Entry<Point, Map<String, CellResult>> point : byPoint.entrySet()) {
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
                    if (d.verdict() != Verdict.UNDECIDED || d.ratio() == null || d.lower() == null) {
                        continue;
                    }
                    Optional<RatioInterval.Allocation> plan1 = RatioInterval.cheapest(
                            Decisions.estimate(e, baseline).orElseThrow(), perFork(baseline), open(baseline, closed),
                            Decisions.estimate(e, other).orElseThrow(), perFork(other), open(other, closed),
                            e.spec().headline().higherIsBetter());
                    if (plan1.isEmpty()) {
                        continue;
                    }
                    CellResult side = plan1.get().baselineFirst() ? baseline : other;
                    if (perFork(side) > remainingSeconds) {
                        continue;
                    }
                    boolean twofold = Math.abs(Math.log(d.ratio())) >= Math.log(2);
                    Step step = new Step(side.key(), d.sentence(), twofold, plan1.get().seconds());
                    if (best == null || FIRST.compare(step, best) < 0) {
                        best = step;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean open(CellResult c, Set<String> closed) {
        return c.status() == Status.OK && !closed.contains(c.key());
    }

    private static int forks(CellResult c) {
        return c.forks() == null ? 1 : c.forks();
    }

    /** Seconds one more JVM of this cell takes, from the JVMs it ran. */
    private static double perFork(CellResult c) {
        return (c.seconds() == null ? 1 : c.seconds()) / forks(c);
    }
}
