package asyncbench.stats;

import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One contrast, decided: a model against a baseline at one point of an experiment, on one metric. The
 * ratio is oriented so that above 1 favours the model ("x3.1": the model is 3.1 times better), with
 * its {@link RatioInterval#CONFIDENCE} interval. A model that reaches a limit (or times out) where the
 * other measures loses the point; the note says so.
 *
 * @param forksNeeded for an undecided contrast, the JVMs per side that would decide it at the spread seen
 *                    so far; null when decided, or when even {@link RatioInterval#MAX_FORKS} would not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String experiment, Map<String, String> point, String model, String baseline, String metric,
        boolean higherIsBetter, Verdict verdict, Double ratio, Double lower, Double upper, int modelForks,
        int baselineForks, Integer forksNeeded, String note) {

    /** Decides {@code model} against {@code baseline} on {@code metric}; either cell may be missing. */
    public static Decision of(String experiment, Map<String, String> point, String metric, boolean higherIsBetter,
            Optional<CellResult> baseline, Optional<CellResult> model) {
        String b = baseline.map(CellResult::model).orElse("?");
        String m = model.map(CellResult::model).orElse("?");
        Optional<Metric> mb = baseline.flatMap(c -> measured(c, metric));
        Optional<Metric> mm = model.flatMap(c -> measured(c, metric));
        int fb = mb.map(x -> scores(x).size()).orElse(0);
        int fm = mm.map(x -> scores(x).size()).orElse(0);
        if (mb.isPresent() && mm.isPresent()) {
            Estimate eb = Estimate.ofForks(scores(mb.get()));
            Estimate em = Estimate.ofForks(scores(mm.get()));
            double ratio = higherIsBetter ? em.value() / eb.value() : eb.value() / em.value();
            if (!Double.isFinite(eb.value()) || !Double.isFinite(em.value())) {
                return new Decision(experiment, point, m, b, metric, higherIsBetter, Verdict.UNDECIDED, null, null, null,
                        fm, fb, null, "a JVM's figure is not finite (nothing finished in its windows): no ratio");
            }
            if (!(eb.value() > 0 && em.value() > 0)) {
                return new Decision(experiment, point, m, b, metric, higherIsBetter, Verdict.UNDECIDED, null, null, null,
                        fm, fb, null, "a figure is not above zero: no ratio");
            }
            if (!eb.hasError() || !em.hasError()) {
                return new Decision(experiment, point, m, b, metric, higherIsBetter, Verdict.UNDECIDED, ratio, null, null,
                        fm, fb, null, "measured in one JVM: no interval");
            }
            RatioInterval interval = RatioInterval.of(eb, em, higherIsBetter);
            Verdict verdict = interval.verdict();
            Integer needed = null;
            if (verdict == Verdict.UNDECIDED) {
                OptionalInt n = RatioInterval.forksNeeded(eb, em, higherIsBetter);
                needed = n.isPresent() ? n.getAsInt() : null;
            }
            return new Decision(experiment, point, m, b, metric, higherIsBetter, verdict, interval.ratio(),
                    interval.lower(), interval.upper(), fm, fb, needed, null);
        }
        if (mm.isPresent() && baseline.filter(Decision::limited).isPresent()) {
            return new Decision(experiment, point, m, b, metric, higherIsBetter, Verdict.BETTER, null, null, null, fm, fb,
                    null, b + ": " + why(baseline.get()) + "; " + m + " measured");
        }
        if (mb.isPresent() && model.filter(Decision::limited).isPresent()) {
            return new Decision(experiment, point, m, b, metric, higherIsBetter, Verdict.WORSE, null, null, null, fm, fb,
                    null, m + ": " + why(model.get()) + "; " + b + " measured");
        }
        String note = baseline.isEmpty() || model.isEmpty() ? "not both run"
                : b + " " + baseline.get().status().id() + ", " + m + " " + model.get().status().id();
        return new Decision(experiment, point, m, b, metric, higherIsBetter, Verdict.NO_CONTEST, null, null, null, fm, fb,
                null, note);
    }

    /** The figure a cell measured, if it measured one. */
    static Optional<Metric> measured(CellResult c, String metric) {
        return c.status() == Status.OK ? c.metric(metric).filter(x -> !Double.isNaN(x.value())) : Optional.empty();
    }

    /** One score per JVM. */
    static List<Double> scores(Metric m) {
        return m.forks() != null ? m.forks() : List.of(m.value());
    }

    /** Reached a limit of the machine, or starved until killed: a result against it. */
    public static boolean limited(CellResult c) {
        return c.status() == Status.LIMIT || c.status() == Status.TIMEOUT;
    }

    private static String why(CellResult c) {
        return c.status() == Status.TIMEOUT ? "timed out" : "limit" + (c.message() == null ? "" : " (" + c.message() + ")");
    }

    /** The ratio as people read it: "x3.1 [2.7, 3.6]", or the limit that decided it. */
    public String figure() {
        if (ratio == null) {
            return note == null ? verdict.id() : note;
        }
        String r = times(ratio);
        return lower == null ? r + " (" + note + ")" : r + " [" + number(lower) + ", " + number(upper) + "]";
    }

    /** The point as people write it: {@code readers=32 writers=1}. */
    public String where() {
        return point.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** One line: "virtual vs platform at readers=32: better, x3.1 [2.7, 3.6]". */
    public String sentence() {
        String at = point.isEmpty() ? "" : " at " + where();
        String more = verdict == Verdict.UNDECIDED
                ? (forksNeeded != null ? "; about " + forksNeeded + " JVMs each would decide it" : "; more than " + RatioInterval.MAX_FORKS + " JVMs each would be needed")
                : "";
        return model + " vs " + baseline + at + ": " + verdict.id() + ", " + figure() + more;
    }

    static String times(double ratio) {
        return "x" + number(ratio);
    }

    static String number(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
    }
}
