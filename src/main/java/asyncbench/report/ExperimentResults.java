package asyncbench.report;

import asyncbench.experiment.Headline;
import asyncbench.experiment.Metric;
import asyncbench.experiment.Param;
import asyncbench.result.CellResult;
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
    final List<Long> rows;
    final List<Map<String, Long>> columns;

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
        this.params = cells.isEmpty() ? List.of() : List.copyOf(cells.getFirst().params().keySet());
        LinkedHashSet<String> present = new LinkedHashSet<>();
        cells.forEach(c -> present.add(c.model()));
        List<String> ordered = new ArrayList<>(modelOrder.stream().filter(present::contains).toList());
        present.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);
        this.models = List.copyOf(ordered);
        TreeSet<Long> rowValues = new TreeSet<>();
        LinkedHashSet<Map<String, Long>> columnValues = new LinkedHashSet<>();
        for (CellResult c : cells) {
            if (!params.isEmpty()) {
                rowValues.add(c.params().get(params.getFirst()));
            }
            columnValues.add(rest(c.params()));
        }
        this.rows = List.copyOf(rowValues);
        List<Map<String, Long>> cols = new ArrayList<>(columnValues);
        cols.sort((a, b) -> compare(a, b));
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

    String columnLabel(Map<String, Long> column) {
        List<String> parts = new ArrayList<>();
        column.forEach((name, v) -> parts.add(value(name, v)));
        return String.join(", ", parts);
    }

    /** A parameter value as people read it: a choice's name, or a count (2^k above 16). */
    String value(String param, long v) {
        Param p = paramsByName.get(param);
        return p == null ? Units.count(v) : p.choiceName(v).orElseGet(() -> Units.count(v));
    }

    /** A parameter value for machines: a choice's name, or the plain number. */
    String choiceOrNumber(String param, long v) {
        Param p = paramsByName.get(param);
        return p == null ? Long.toString(v) : p.choiceName(v).orElse(Long.toString(v));
    }

    /** A value of the row parameter. */
    String rowValue(long v) {
        return params.isEmpty() ? Units.count(v) : value(params.getFirst(), v);
    }

    Optional<CellResult> cell(String model, long row, Map<String, Long> column) {
        for (CellResult c : cells) {
            if (c.model().equals(model) && (params.isEmpty() || c.params().get(params.getFirst()) == row)
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

    private Map<String, Long> rest(Map<String, Long> point) {
        Map<String, Long> rest = new java.util.LinkedHashMap<>(point);
        if (!params.isEmpty()) {
            rest.remove(params.getFirst());
        }
        return rest;
    }

    private static int compare(Map<String, Long> a, Map<String, Long> b) {
        var ia = a.values().iterator();
        var ib = b.values().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            int c = Long.compare(ia.next(), ib.next());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
