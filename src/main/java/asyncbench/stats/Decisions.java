package asyncbench.stats;

import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.result.CellResult;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The headline contrasts of an experiment: every model against the experiment's first model (its
 * baseline) at every point, on the headline figure; and their summary, per model, in one line.
 */
public final class Decisions {
    private Decisions() {
    }

    /** Every model against the baseline at every point both ran, in model order then point order. */
    public static List<Decision> headline(Experiment e, List<CellResult> cells) {
        List<String> models = models(e, cells);
        List<Decision> out = new ArrayList<>();
        if (models.size() < 2) {
            return out;
        }
        String baseline = models.getFirst();
        Set<Point> points = new LinkedHashSet<>();
        cells.forEach(c -> points.add(c.params()));
        for (String model : models.subList(1, models.size())) {
            for (Point p : points) {
                Optional<CellResult> b = cell(cells, baseline, p);
                Optional<CellResult> m = cell(cells, model, p);
                if (b.isPresent() && m.isPresent()) {
                    out.add(pair(e, p, b, m));
                }
            }
        }
        return out;
    }

    /** {@code model} against {@code baseline} at {@code point}, on the experiment's headline. */
    public static Decision pair(Experiment e, Point point, Optional<CellResult> baseline, Optional<CellResult> model) {
        return Decision.of(e.name(), point(e, point), e.spec().headline().metric(), e.spec().headline().higherIsBetter(), baseline, model);
    }

    /** A cell's headline figure as the statistics see it, one score per JVM; empty where it measured none. */
    public static Optional<Estimate> estimate(Experiment e, CellResult c) {
        return Decision.measured(c, e.spec().headline().metric()).map(m -> Estimate.ofForks(Decision.scores(m)));
    }

    /** The experiment's models that have cells here, in the experiment's order. */
    public static List<String> models(Experiment e, List<CellResult> cells) {
        Set<String> present = new LinkedHashSet<>();
        cells.forEach(c -> present.add(c.model()));
        List<String> ordered = new ArrayList<>(e.spec().models().stream().map(m -> m.id()).filter(present::contains).toList());
        present.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);
        return ordered;
    }

    static Optional<CellResult> cell(List<CellResult> cells, String model, Point point) {
        return cells.stream().filter(c -> c.model().equals(model) && c.params().equals(point)).findFirst();
    }

    /** A point with each choice by its name and each count as a number, in the experiment's parameter order. */
    public static Map<String, String> point(Experiment e, Point point) {
        Map<String, String> named = new LinkedHashMap<>();
        point.values().forEach((name, v) -> named.put(name, String.valueOf(v)));
        return named;
    }

    /**
     * Per model against the baseline, what is decided, in one line: "virtual vs platform: better at 9 of
     * 12 points (x3.1 .. x1077), same within 10% at 2, undecided at 1".
     */
    public static List<String> summary(List<Decision> decisions) {
        Map<String, List<Decision>> byModel = new LinkedHashMap<>();
        decisions.forEach(d -> byModel.computeIfAbsent(d.model() + " vs " + d.baseline(), k -> new ArrayList<>()).add(d));
        List<String> lines = new ArrayList<>();
        byModel.forEach((pair, ds) -> {
            List<String> parts = new ArrayList<>();
            int points = (int) ds.stream().filter(d -> d.verdict() != Verdict.NO_CONTEST).count();
            for (Verdict v : List.of(Verdict.BETTER, Verdict.WORSE, Verdict.SAME, Verdict.UNDECIDED)) {
                List<Decision> these = ds.stream().filter(d -> d.verdict() == v).toList();
                if (these.isEmpty()) {
                    continue;
                }
                String words = switch (v) {
                    case BETTER -> "better";
                    case WORSE -> "worse";
                    case SAME -> "same within 10%";
                    default -> "undecided";
                };
                StringBuilder s = new StringBuilder(words).append(" at ").append(these.size());
                if (parts.isEmpty()) {
                    s.append(" of ").append(points).append(points == 1 ? " point" : " points");
                }
                s.append(range(these));
                parts.add(s.toString());
            }
            if (points == 0) {
                parts.add("no point where both measured");
            }
            lines.add(pair + ": " + String.join(", ", parts));
        });
        return lines;
    }

    /** The span of the ratios, and how many were decided by a limit: " (x3.1 .. x1077; 2 by a limit)". */
    private static String range(List<Decision> ds) {
        DoubleSummaryStatistics r = ds.stream().filter(d -> d.ratio() != null).mapToDouble(Decision::ratio).summaryStatistics();
        long limits = ds.stream().filter(d -> d.ratio() == null && d.verdict().decided()).count();
        List<String> parts = new ArrayList<>();
        if (r.getCount() > 0) {
            String low = Decision.times(r.getMin());
            String high = Decision.times(r.getMax());
            parts.add(low.equals(high) ? low : low + " .. " + high);
        }
        if (limits > 0) {
            parts.add(limits + " by a limit");
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }
}
