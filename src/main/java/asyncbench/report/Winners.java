package asyncbench.report;

import asyncbench.result.Point;
import asyncbench.result.CellResult;
import asyncbench.stats.Decision;
import asyncbench.stats.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which model wins at each point of an experiment, with the uncertainty taken into account: the model
 * with the best headline wins only where it is decided better than every other model that measured
 * there (the 95% interval on each ratio excludes 1, {@link Decision}), and a model that reached a limit
 * where another measured has lost the point; otherwise the point has no clear winner. A figure from one
 * JVM never wins. Along the first parameter, the winner's changes are the crossovers the verdict names.
 */
final class Winners {
    /**
     * One point: its column (the other parameters), its row value, the best model by value where two or
     * more measured (or one measured and the others reached a limit), the clear winner if any, and the
     * leaders: the best model and every model not decided worse than it.
     */
    record Spot(Point column, Object row, Optional<String> best, Optional<String> winner, List<String> leaders,
            int contenders) {
    }

    private final ExperimentResults results;
    private final List<Spot> points = new ArrayList<>();

    Winners(ExperimentResults results) {
        this.results = results;
        List<Object> rows = results.rows.isEmpty() ? List.<Object>of(0L) : results.rows;
        boolean higher = results.headline.higherIsBetter();
        for (Point column : results.columns) {
            for (Object row : rows) {
                Map<String, CellResult> measured = new LinkedHashMap<>();
                int limited = 0;
                for (String model : results.models) {
                    Optional<CellResult> cell = results.cell(model, row, column);
                    if (cell.flatMap(results::headlineOf).filter(m -> !Double.isNaN(m.value())).isPresent()) {
                        measured.put(model, cell.get());
                    } else if (cell.filter(Decision::limited).isPresent()) {
                        limited++;
                    }
                }
                if (measured.isEmpty()) {
                    continue;
                }
                int contenders = measured.size() + limited;
                if (contenders < 2) {
                    points.add(new Spot(column, row, Optional.empty(), Optional.empty(), List.of(), 1));
                    continue;
                }
                Comparator<Map.Entry<String, CellResult>> byValue = Comparator.comparingDouble(e -> value(e.getValue()));
                String best = measured.entrySet().stream().sorted(higher ? byValue.reversed() : byValue).findFirst().orElseThrow().getKey();
                CellResult bestCell = measured.get(best);
                boolean beatsAll = measured.entrySet().stream().filter(e -> !e.getKey().equals(best))
                        .allMatch(e -> decide(e.getValue(), bestCell).verdict() == Verdict.BETTER);
                List<String> leaders = measured.entrySet().stream()
                        .filter(e -> e.getKey().equals(best) || decide(bestCell, e.getValue()).verdict() != Verdict.WORSE)
                        .map(Map.Entry::getKey).toList();
                points.add(new Spot(column, row, Optional.of(best), beatsAll ? Optional.of(best) : Optional.empty(), leaders,
                        contenders));
            }
        }
    }

    private double value(CellResult c) {
        return results.headlineOf(c).orElseThrow().value();
    }

    /** {@code model} against {@code baseline} on the headline. */
    private Decision decide(CellResult baseline, CellResult model) {
        return Decision.of(results.experiment, Map.of(), results.headline.metric(), results.headline.higherIsBetter(),
                Optional.of(baseline), Optional.of(model));
    }

    List<Spot> points() {
        return points;
    }

    /** The points a model wins, and the points that were contests (two models or more measured). */
    int wins(String model) {
        return (int) points.stream().filter(p -> p.winner().filter(model::equals).isPresent()).count();
    }

    int contests() {
        return (int) points.stream().filter(p -> p.contenders() >= 2).count();
    }

    /**
     * The verdict: who wins how many points, and along the first parameter where the winner changes, for
     * each combination of the other parameters; a change into or out of "no clear winner" is named as such.
     */
    String verdict() {
        int contests = contests();
        if (contests == 0) {
            return "no point where two models measured: no winner to name";
        }
        List<String> byModel = new ArrayList<>();
        for (String model : results.models) {
            int w = wins(model);
            if (w > 0) {
                byModel.add(model + " wins " + w);
            }
        }
        int none = (int) points.stream().filter(p -> p.contenders() >= 2 && p.winner().isEmpty()).count();
        StringBuilder s = new StringBuilder();
        s.append(byModel.isEmpty() ? "no model wins clearly at any" : String.join(", ", byModel) + " of")
                .append(' ').append(contests).append(contests == 1 ? " point" : " points");
        if (none > 0 && !byModel.isEmpty()) {
            s.append("; no clear winner at ").append(none);
        }
        List<String> crossings = crossings();
        if (!crossings.isEmpty()) {
            s.append("; ").append(String.join("; ", crossings));
        }
        return s.toString();
    }

    /** For each column with more than one row, the runs of one winner along the rows, when there are two or more. */
    private List<String> crossings() {
        List<String> out = new ArrayList<>();
        if (results.rows.size() < 2) {
            return out;
        }
        for (Point column : results.columns) {
            List<Spot> line = points.stream().filter(p -> p.column().equals(column) && p.contenders() >= 2).toList();
            List<String> runs = new ArrayList<>();
            String current = null;
            Object from = null;
            Object to = null;
            for (Spot p : line) {
                String w = p.winner().orElse("no clear winner");
                if (!w.equals(current)) {
                    if (current != null) {
                        runs.add(run(current, from, to));
                    }
                    current = w;
                    from = p.row();
                }
                to = p.row();
            }
            if (current != null) {
                runs.add(run(current, from, to));
            }
            if (runs.size() > 1) {
                String where = column.isEmpty() ? "" : " at " + String.join(", ", column.values().entrySet().stream()
                        .map(e -> e.getKey() + "=" + ExperimentResults.value(e.getValue())).toList());
                out.add("along " + results.rowParam() + where + ": " + String.join(", then ", runs));
            }
        }
        return out;
    }

    private String run(String winner, Object from, Object to) {
        String range = from == to ? results.rowParam() + "=" + results.rowValue(from)
                : results.rowParam() + "=" + results.rowValue(from) + ".." + results.rowValue(to);
        return winner + " (" + range + ")";
    }
}
