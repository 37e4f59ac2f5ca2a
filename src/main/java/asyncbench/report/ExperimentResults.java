package asyncbench.report;

import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.result.CellResult;
import asyncbench.result.Point;
import asyncbench.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The recorded cells of one experiment in a run, laid out as a grid: rows are the values of its first
 * parameter, columns the combinations of the others, one layer per model.
 */
final class ExperimentResults {
    final String experiment;
    final Headline headline;
    final List<CellResult> cells;
    final List<String> params;
    final List<String> models;
    /** Values of the first parameter: a Long for a count, a String for a choice. */
    final List<Object> rows;
    final List<Point> columns;

    /** How each parameter's values read, by name; a value of a parameter not listed reads as a count. */
    private final Map<String, Param> paramsByName;

    ExperimentResults(String experiment, Headline headline, List<CellResult> cells, List<String> modelOrder) {
        this(experiment, headline, cells, modelOrder, List.of());
    }

    ExperimentResults(String experiment, Headline headline, List<CellResult> cells, List<String> modelOrder,
            List<Param> declared) {
        this.experiment = experiment;
        Map<String, Param> byName = new java.util.HashMap<>();
        declared.forEach(p -> byName.put(p.name(), p));
        this.paramsByName = Map.copyOf(byName);
        this.headline = headline;
        this.cells = List.copyOf(cells);
        this.params = cells.isEmpty() ? List.of() : List.copyOf(cells.getFirst().params().values().keySet());
        LinkedHashSet<String> present = new LinkedHashSet<>();
        cells.forEach(c -> present.add(c.model()));
        List<String> ordered = new ArrayList<>(modelOrder.stream().filter(present::contains).toList());
        present.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);
        this.models = List.copyOf(ordered);
        TreeSet<Object> rowValues = new TreeSet<>(params.isEmpty() ? (a, b) -> 0 : order(params.getFirst()));
        LinkedHashSet<Point> columnValues = new LinkedHashSet<>();
        for (CellResult c : cells) {
            if (!params.isEmpty()) {
                rowValues.add(c.params().get(params.getFirst()));
            }
            columnValues.add(rest(c.params()));
        }
        this.rows = List.copyOf(rowValues);
        List<Point> cols = new ArrayList<>(columnValues);
        cols.sort(this::compare);
        this.columns = List.copyOf(cols);
    }

    String rowParam() {
        return params.isEmpty() ? "" : params.getFirst();
    }

    /** The columns' label, e.g. "writers". */
    String columnParams() {
        return String.join(", ", params.subList(Math.min(1, params.size()), params.size()));
    }

    /** The column parameters that take more than one value in these results, e.g. "writers". */
    String varyingColumnParams() {
        return String.join(", ", params.subList(Math.min(1, params.size()), params.size()).stream()
                .filter(p -> columns.stream().map(c -> c.get(p)).distinct().count() > 1).toList());
    }

    String columnLabel(Point column) {
        List<String> parts = new ArrayList<>();
        column.values().forEach((name, v) -> parts.add(value(v)));
        return String.join(", ", parts);
    }

    /** A parameter value as people read it: a choice's name, or a count (2^k above 16). */
    static String value(Object v) {
        return v instanceof Long n ? Units.count(n) : String.valueOf(v);
    }

    /** A value of the row parameter. */
    String rowValue(Object v) {
        return value(v);
    }

    Optional<CellResult> cell(String model, Object row, Point column) {
        for (CellResult c : cells) {
            if (c.model().equals(model) && (params.isEmpty() || c.params().get(params.getFirst()).equals(row))
                    && rest(c.params()).equals(column)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The headline figure of a cell, if it was measured. */
    Optional<Metric> headlineOf(CellResult c) {
        return c.status() == Status.OK ? c.metric(headline.metric()) : Optional.empty();
    }

    private Point rest(Point point) {
        return params.isEmpty() ? point : point.without(params.getFirst());
    }

    /** The order of one parameter's values: as declared for a choice, by size for a count. */
    private java.util.Comparator<Object> order(String param) {
        Param p = paramsByName.get(param);
        if (p != null) {
            return p::compare;
        }
        return (a, b) -> a instanceof Long x && b instanceof Long y ? Long.compare(x, y) : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private int compare(Point a, Point b) {
        for (String name : a.values().keySet()) {
            if (!b.has(name)) {
                continue;
            }
            int c = order(name).compare(a.get(name), b.get(name));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.values().size(), b.values().size());
    }
}
