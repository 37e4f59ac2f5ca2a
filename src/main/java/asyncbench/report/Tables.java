package asyncbench.report;

import asyncbench.result.Point;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import asyncbench.result.Metric;
import asyncbench.experiment.Ratio;
import asyncbench.result.CellResult;
import asyncbench.result.Resources;
import asyncbench.result.RuntimeEvents;
import asyncbench.result.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The tables of a report: every cell as CSV, and the headline and resources as Markdown. */
final class Tables {
    private Tables() {
    }

    /** One row per cell: parameters, status, every metric with its error, counters and resources. */
    static String csv(ExperimentResults r) {
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> counters = new LinkedHashSet<>();
        for (CellResult c : r.cells) {
            if (c.metrics() != null) {
                metrics.addAll(c.metrics().keySet());
            }
            if (c.counters() != null) {
                counters.addAll(c.counters().keySet());
            }
        }
        List<String> header = new ArrayList<>(List.of("experiment", "model"));
        header.addAll(r.params);
        header.add("status");
        for (String m : metrics) {
            header.add(m);
            header.add(m + "Error");
        }
        header.addAll(counters);
        header.addAll(List.of("rssBytes", "peakRssBytes", "heapUsedAfterGcBytes", "threads", "voluntarySwitches",
                "involuntarySwitches", "cpuUserSeconds", "cpuSystemSeconds", "gcCount", "gcMillis",
                "limitReached", "limit", "message"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (CellResult c : r.cells) {
            List<String> row = new ArrayList<>(List.of(c.experiment(), c.model()));
            r.params.forEach(p -> row.add(String.valueOf(c.params().get(p))));
            row.add(c.status().id());
            for (String m : metrics) {
                Optional<Metric> metric = c.metric(m);
                row.add(metric.map(x -> number(x.value())).orElse(""));
                row.add(metric.map(Metric::error).map(Tables::number).orElse(""));
            }
            counters.forEach(k -> row.add(c.counters() == null || !c.counters().containsKey(k) ? "" : c.counters().get(k).toString()));
            Resources res = c.resources();
            if (res == null) {
                for (int i = 0; i < 10; i++) {
                    row.add("");
                }
            } else {
                row.addAll(List.of(Long.toString(res.rssBytes()), Long.toString(res.peakRssBytes()),
                        Long.toString(res.heapUsedAfterGcBytes()), Long.toString(res.threads()),
                        Long.toString(res.voluntarySwitches()), Long.toString(res.involuntarySwitches()),
                        number(res.cpuUserSeconds()), number(res.cpuSystemSeconds()),
                        Long.toString(res.gcCount()), Long.toString(res.gcMillis())));
            }
            row.add(c.limit() == null ? "" : Long.toString(c.limit().reached()));
            row.add(c.limit() == null ? "" : c.limit().limit());
            row.add(c.message() == null ? "" : c.message());
            rows.add(row);
        }
        return csvText(rows);
    }

    private static final CsvMapper CSV = new CsvMapper();

    /** Rows as CSV, quoted where a field needs it, written by Jackson's CSV module. */
    static String csvText(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (SequenceWriter writer = CSV.writerFor(List.class).with(CsvSchema.emptySchema().withLineSeparator("\n")).writeValues(out)) {
            for (List<String> row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The headline metric: one row per parameter point, one column per model. */
    static String headline(ExperimentResults r) {
        return metric(r, r.headline.metric());
    }

    /** One metric: one row per parameter point, one column per model; a status where it did not measure. */
    static String metric(ExperimentResults r, String metric) {
        return byPoint(r, r.models, (row, column) -> r.models.stream()
                .map(model -> r.cell(model, row, column).map(c -> describe(c, metric)).orElse(""))
                .toList());
    }

    /** Each model's headline minus the first model's, per point: the overhead of the model. */
    static String overhead(ExperimentResults r) {
        String baseline = r.models.getFirst();
        List<String> others = r.models.subList(1, r.models.size());
        return byPoint(r, others.stream().map(m -> m + " - " + baseline).toList(), (row, column) -> {
            Optional<Metric> base = r.cell(baseline, row, column).flatMap(r::headlineOf);
            return others.stream().map(model -> {
                Optional<Metric> m = r.cell(model, row, column).flatMap(r::headlineOf);
                return base.isPresent() && m.isPresent() ? difference(m.get(), base.get()) : "";
            }).toList();
        });
    }

    /**
     * Per model, the headline at the ratio's numerator over the headline at its denominator, every
     * other parameter the same; one row per point of the other parameters.
     */
    static String ratio(ExperimentResults r, Ratio ratio) {
        Object top = ratio.numerator();
        Object bottom = ratio.denominator();
        boolean onRows = r.params.getFirst().equals(ratio.param());
        List<String> header = new ArrayList<>(r.params.stream().filter(p -> !p.equals(ratio.param())).toList());
        header.addAll(r.models);
        StringBuilder md = row(new StringBuilder(), header);
        md.append(separator(header.size()));
        for (Object rowValue : r.rows) {
            for (Point column : r.columns) {
                Object value = onRows ? rowValue : column.get(ratio.param());
                if (!value.equals(top)) {
                    continue;
                }
                Object otherRow = onRows ? bottom : rowValue;
                Point otherColumn = onRows ? column : column.with(ratio.param(), bottom);
                List<String> line = new ArrayList<>();
                if (!onRows) {
                    line.add(r.rowValue(rowValue));
                }
                column.values().forEach((name, v) -> {
                    if (!name.equals(ratio.param())) {
                        line.add(ExperimentResults.value(v));
                    }
                });
                for (String model : r.models) {
                    Optional<Metric> a = r.cell(model, rowValue, column).flatMap(r::headlineOf);
                    Optional<Metric> b = r.cell(model, otherRow, otherColumn).flatMap(r::headlineOf);
                    line.add(a.isPresent() && b.isPresent() ? ratioText(a.get(), b.get()) : "");
                }
                row(md, line);
            }
        }
        return md.toString();
    }

    /** {@code a / b} with the half-width of its interval from the two relative half-widths; none when either has none. */
    static Metric quotient(Metric a, Metric b) {
        double q = a.value() / b.value();
        Double error = a.error() == null || b.error() == null ? null
                : Math.abs(q) * Math.hypot(a.error() / a.value(), b.error() / b.value());
        return new Metric(q, error, "ratio", null);
    }

    /** {@code a / b} as the table shows it; a ratio of a figure at or below zero is no result, and says so. */
    static String ratioText(Metric a, Metric b) {
        if (a.value() <= 0 || b.value() <= 0) {
            return "no ratio (" + (a.value() <= 0 && b.value() <= 0 ? "both" : "a figure") + " at or below zero)";
        }
        Metric q = quotient(a, b);
        return Units.scaled(q.value()) + (q.error() == null ? "" : " ± " + Units.scaled(q.error()));
    }

    /**
     * {@code a - b} with the half-width of its interval, taken as the root of the sum of the squared
     * half-widths (independent means); no half-width when either figure has none.
     */
    static String difference(Metric a, Metric b) {
        String d = Units.number(a.value() - b.value(), a.unit());
        if (a.error() == null || b.error() == null) {
            return d;
        }
        return d + " ± " + Units.number(Math.hypot(a.error(), b.error()), a.unit());
    }

    /**
     * A table with one row per parameter point: the parameter values, then {@code cells} of the point. A
     * parameter with one value in every cell is stated once above the table instead of in every row.
     */
    private static String byPoint(ExperimentResults r, List<String> columns,
            BiFunction<Object, Point, List<String>> cells) {
        List<String> fixed = r.params.stream().filter(p -> r.cells.stream().map(c -> c.params().get(p)).distinct().count() == 1).toList();
        List<String> header = new ArrayList<>(r.params.stream().filter(p -> !fixed.contains(p)).toList());
        header.addAll(columns);
        StringBuilder md = new StringBuilder();
        if (!fixed.isEmpty()) {
            md.append("At ").append(fixed.stream().map(p -> p + "=" + ExperimentResults.value(r.cells.getFirst().params().get(p)))
                    .collect(java.util.stream.Collectors.joining(", "))).append(":\n\n");
        }
        row(md, header);
        md.append(separator(header.size()));
        for (Object rowValue : r.rows.isEmpty() ? List.<Object>of(0L) : r.rows) {
            for (Point column : r.columns) {
                List<String> line = new ArrayList<>();
                if (!r.params.isEmpty() && !fixed.contains(r.params.getFirst())) {
                    line.add(r.rowValue(rowValue));
                }
                column.values().forEach((name, v) -> {
                    if (!fixed.contains(name)) {
                        line.add(ExperimentResults.value(v));
                    }
                });
                line.addAll(cells.apply(rowValue, column));
                row(md, line);
            }
        }
        return md.toString();
    }

    /** What each cell used: memory and threads at its peak, context switches and CPU over its run. */
    static String resources(ExperimentResults r) {
        List<String> header = new ArrayList<>(List.of("model"));
        header.addAll(r.params);
        header.addAll(List.of("status", "RSS", "heap after GC", "OS threads", "voluntary cs", "involuntary cs",
                "CPU user s", "CPU sys s", "GCs"));
        boolean recorded = r.cells.stream().anyMatch(c -> c.resources() != null && c.resources().runtime() != null);
        if (recorded) {
            header.addAll(List.of("pinned parks (JFR)", "carriers started / parallelism (JFR)",
                    "GC pauses: total, longest ms (JFR)", "safepoints (JFR)"));
        }
        header.add("work counted (checked in the cell)");
        StringBuilder md = row(new StringBuilder(), header);
        md.append(separator(header.size()));
        for (String model : r.models) {
            for (CellResult c : r.cells) {
                if (!c.model().equals(model)) {
                    continue;
                }
                List<String> cells = new ArrayList<>(List.of(model));
                r.params.forEach(p -> cells.add(ExperimentResults.value(c.params().get(p))));
                cells.add(c.status().id());
                Resources res = c.resources();
                if (res == null) {
                    cells.addAll(List.of("", "", "", "", "", "", "", ""));
                } else {
                    cells.addAll(List.of(Units.bytes(res.rssBytes()),
                            res.heapUsedAfterGcBytes() < 0 ? "" : Units.bytes(res.heapUsedAfterGcBytes()),
                            Long.toString(res.threads()), Units.scaled(res.voluntarySwitches()),
                            Units.scaled(res.involuntarySwitches()),
                            String.format(Locale.ROOT, "%.2f", res.cpuUserSeconds()),
                            String.format(Locale.ROOT, "%.2f", res.cpuSystemSeconds()), Long.toString(res.gcCount())));
                }
                if (recorded) {
                    RuntimeEvents e = res == null ? null : res.runtime();
                    cells.addAll(e == null ? List.of("", "", "", "") : List.of(Long.toString(e.pinnedParks()),
                            e.carriersStarted() + " / " + e.carrierParallelism(),
                            e.gcs() + ": " + String.format(Locale.ROOT, "%.1f, %.1f", e.gcPauseTotalMillis(), e.gcPauseMaxMillis()),
                            Long.toString(e.safepoints())));
                }
                cells.add(work(c));
                row(md, cells);
            }
        }
        return md.toString();
    }

    /** The counters a cell checked before it returned: the same work in every model, or status mismatch. */
    private static String work(CellResult c) {
        if (c.counters() == null) {
            return "";
        }
        return c.counters().entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static String describe(CellResult c, String metric) {
        if (c.status() == Status.OK) {
            return c.metric(metric).map(m -> Double.isInfinite(m.value()) ? "none finished in a JVM's windows" : Units.number(m.value(), m.unit())
                    + (m.error() == null ? "" : " ± " + Units.number(m.error(), m.unit()))
                    + (m.value() < 0 && m.unit() != null && m.unit().contains("byte") ? " (below zero: noise, not a figure)" : "")).orElse("ok");
        }
        if (c.status() == Status.LIMIT && c.limit() != null) {
            String limit = MarkdownFormat.text(c.limit().limit()).replace("\\|", "|");
            return c.limit().reached() < 0 ? "limit: " + limit : "limit: " + c.limit().reached() + " fit (" + limit + ")";
        }
        return c.status().id();
    }

    private static StringBuilder row(StringBuilder md, List<String> cells) {
        md.append("| ").append(String.join(" | ", cells.stream().map(s -> s.replace("|", "\\|").replaceAll("[\\r\\n]+", " ")).toList())).append(" |\n");
        return md;
    }

    private static String separator(int columns) {
        return "|" + "---|".repeat(columns) + "\n";
    }

    /** A figure for machines: a whole number as such, otherwise nine significant digits, never an exponent. */
    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : new java.math.BigDecimal(v).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
    }
}
