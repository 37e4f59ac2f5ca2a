package asyncbench.report;

import asyncbench.result.Point;
import asyncbench.experiment.Chart;
import asyncbench.experiment.Experiment;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.model.Model;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import java.awt.Color;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DatasetUtils;

/**
 * An experiment's {@link Chart}s drawn with JFreeChart, one line per model, as {@link Picture}s. Only
 * cells that ran to the end are drawn; a model with no such cell in a chart has no line there.
 */
final class LineCharts {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    /** One colour per model, in the order of the lab's models, the same in every chart (Tableau 10). */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};

    private LineCharts() {
    }

    static List<Picture> draw(Experiment experiment, List<CellResult> cells, List<String> models) {
        // measured cells, and those that reached a limit or timed out, which the chart names
        List<CellResult> ok = cells.stream().filter(c -> c.status() == Status.OK && c.metrics() != null
                || asyncbench.stats.Decision.limited(c)).toList();
        List<Picture> drawn = new ArrayList<>();
        int n = 0;
        for (Chart chart : experiment.spec().charts()) {
            Map<Point, List<CellResult>> groups = new LinkedHashMap<>();
            for (CellResult c : ok) {
                Point key = c.params();
                if (chart.againstParam()) {
                    key = key.without(chart.param());
                }
                if (chart.by() != null) {
                    key = key.without(chart.by());
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
            for (Map.Entry<Point, List<CellResult>> group : groups.entrySet()) {
                String title = chart.title() + describe(experiment, group.getKey());
                Map<String, List<CellResult>> lines = lines(experiment, chart, group.getValue(), models);
                JFreeChart jfc = chart.againstParam() ? overParam(chart, title, lines) : overMetrics(chart, title, lines);
                if (jfc == null) {
                    continue;
                }
                String base = experiment.name() + "-chart-" + ++n;
                drawn.add(new Picture(base, title, WIDTH, HEIGHT, g -> jfc.draw(g, new Rectangle(WIDTH, HEIGHT))));
            }
        }
        return drawn;
    }

    /**
     * The cells of each line, in the order of the models (then of the {@code by} parameter's values),
     * named by the model, or "model / value" for a chart drawn {@code by} a parameter.
     */
    private static Map<String, List<CellResult>> lines(Experiment experiment, Chart chart, List<CellResult> cells, List<String> models) {
        Map<String, List<CellResult>> lines = new LinkedHashMap<>();
        Optional<Param> by = experiment.spec().params().stream().filter(p -> p.name().equals(chart.by())).findFirst();
        for (String model : models) {
            List<CellResult> mine = cells.stream().filter(c -> c.model().equals(model)).toList();
            if (by.isEmpty()) {
                lines.put(model, mine);
                continue;
            }
            Map<Object, List<CellResult>> byValue = new TreeMap<>(by.get()::compare);
            mine.forEach(c -> byValue.computeIfAbsent(c.params().get(chart.by()), k -> new ArrayList<>()).add(c));
            byValue.forEach((value, some) -> lines.put(model + SEPARATOR + value, some));
        }
        return lines;
    }

    private static final String SEPARATOR = " / ";
    private static final float[][] DASHES = {null, {6f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    /** A line's colour is its model's; lines of one model differ by dash, in the order they come. */
    private static void paint(java.util.function.BiConsumer<Integer, java.awt.Paint> paint,
            java.util.function.BiConsumer<Integer, java.awt.Stroke> stroke, List<String> keys) {
        Map<String, Integer> perModel = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String model = keys.get(i).split(SEPARATOR, 2)[0];
            paint.accept(i, colour(Model.byId(model)));
            int nth = perModel.merge(model, 1, Integer::sum) - 1;
            float[] dash = DASHES[nth % DASHES.length];
            stroke.accept(i, dash == null ? new java.awt.BasicStroke(2f)
                    : new java.awt.BasicStroke(2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, dash, 0f));
        }
    }

    /**
     * One line per model along the parameter, each point its mean with a band of its interval (± the
     * half-width over its JVMs); a model that reached a limit or timed out at a point is named under the
     * title instead of vanishing from the chart.
     */
    private static JFreeChart overParam(Chart chart, String title, Map<String, List<CellResult>> lines) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<String> limits = new ArrayList<>();
        for (Map.Entry<String, List<CellResult>> line : lines.entrySet()) {
            YIntervalSeries series = new YIntervalSeries(line.getKey());
            for (CellResult c : line.getValue()) {
                long x = c.params().count(chart.param());
                if (asyncbench.stats.Decision.limited(c)) {
                    limits.add(line.getKey() + " at " + chart.param() + "=" + ExperimentResults.value(c.params().get(chart.param()))
                            + " (" + c.status().id() + ")");
                    continue;
                }
                c.metric(chart.metric()).filter(m -> !chart.logY() || m.value() > 0).ifPresent(m -> {
                    double e = m.error() == null || m.error().isNaN() ? 0 : m.error();
                    double low = m.value() - e;
                    series.add(x, m.value(), chart.logY() && low <= 0 ? m.value() / 10 : low, m.value() + e);
                });
            }
            if (series.getItemCount() > 0) {
                data.addSeries(series);
            }
        }
        if (data.getSeriesCount() == 0 || data.getItemCount(0) < 2) {
            return null;
        }
        JFreeChart jfc = ChartFactory.createXYLineChart(title, chart.xLabel(), chart.yLabel(), data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = jfc.getXYPlot();
        if (chart.logX()) {
            plot.setDomainAxis(logAxis(chart.xLabel(), 2));
        }
        org.jfree.data.Range range = DatasetUtils.findRangeBounds(data, false);
        if (chart.logY() && range != null && decades(range.getLowerBound(), range.getUpperBound())) {
            plot.setRangeAxis(logAxis(chart.yLabel(), 10));
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.15f);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            keys.add(data.getSeriesKey(i).toString());
        }
        paint(renderer::setSeriesPaint, renderer::setSeriesStroke, keys);
        for (int i = 0; i < keys.size(); i++) {
            renderer.setSeriesFillPaint(i, renderer.getSeriesPaint(i));
        }
        plot.setRenderer(renderer);
        if (!limits.isEmpty()) {
            jfc.addSubtitle(new org.jfree.chart.title.TextTitle("not drawn, a limit reached: " + String.join("; ", limits)));
        }
        style(jfc);
        return jfc;
    }

    private static JFreeChart overMetrics(Chart chart, String title, Map<String, List<CellResult>> lines) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, List<CellResult>> line : lines.entrySet()) {
            for (CellResult c : line.getValue()) {
                for (int i = 0; i < chart.metrics().size(); i++) {
                    String label = chart.labels().get(i);
                    c.metric(chart.metrics().get(i)).map(Metric::value).filter(v -> !chart.logY() || v > 0)
                            .ifPresent(v -> data.addValue(v, line.getKey(), label));
                }
            }
        }
        if (data.getRowCount() == 0) {
            return null;
        }
        JFreeChart jfc = ChartFactory.createLineChart(title, chart.xLabel(), chart.yLabel(), data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = jfc.getCategoryPlot();
        if (chart.logY() && decades(DatasetUtils.findMinimumRangeValue(data).doubleValue(),
                DatasetUtils.findMaximumRangeValue(data).doubleValue())) {
            plot.setRangeAxis(logAxis(chart.yLabel(), 10));
        }
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < data.getRowCount(); i++) {
            keys.add(data.getRowKey(i).toString());
        }
        paint(renderer::setSeriesPaint, renderer::setSeriesStroke, keys);
        plot.setRenderer(renderer);
        style(jfc);
        return jfc;
    }

    /** Whether values span two decades or more: a log axis then; a linear one reads better below that. */
    private static boolean decades(double min, double max) {
        return min > 0 && max / min >= 100;
    }

    /** Tableau's colour while the lab has no more models than it has colours; else hues spaced evenly over the models. */
    private static Color colour(Optional<Model> model) {
        int models = Model.values().length;
        return model.map(m -> models <= PALETTE.length ? PALETTE[m.ordinal()]
                : Color.getHSBColor((float) m.ordinal() / models, 0.65f, 0.8f)).orElse(Color.DARK_GRAY);
    }

    /** A logarithmic axis labelled with plain numbers (1, 16, 1,024), the same in every locale. */
    private static LogAxis logAxis(String label, double base) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(base);
        axis.setSmallestValue(1e-3);
        DecimalFormat plain = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        axis.setNumberFormatOverride(plain);
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        return axis;
    }

    private static void style(JFreeChart jfc) {
        jfc.setBackgroundPaint(Color.WHITE);
        jfc.getPlot().setBackgroundPaint(Color.WHITE);
        jfc.getTitle().setFont(jfc.getTitle().getFont().deriveFont(14f));
    }

    /** The fixed parameters of a chart, as people read them: " (tasks=2000, gc=g1)"; empty when none. */
    private static String describe(Experiment experiment, Point fixed) {
        if (fixed.isEmpty()) {
            return "";
        }
        return new TreeMap<>(fixed.values()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
