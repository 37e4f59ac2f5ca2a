package asyncbench.report;

import asyncbench.experiment.calibration.Calibration;
import asyncbench.stats.Decision;
import asyncbench.stats.Decisions;
import asyncbench.stats.Verdict;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Growth;
import asyncbench.result.CellResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a run's report says, computed once from its saved results: per experiment its tables' data, its
 * verdicts and its pictures. The {@link ResultFormat}s only lay it out.
 *
 * @param run the run's id, or the merged runs' ids
 * @param results the latest result of every cell, in the order run
 * @param unreadableLines lines of results.jsonl that could not be read (a run cut short)
 */
record RunReport(String run, List<CellResult> results, int unreadableLines, List<Section> sections) {

    /** One experiment's part of the report. */
    record Section(Experiment experiment, ExperimentResults results, Winners winners, List<Contrasted> contrasts,
            List<Picture> charts, Optional<List<Slopes.Line>> slopes, List<String> causes, List<Decision> decisions) {

        /**
         * The verdicts for the terminal: what is decided against the baseline, in one line of totals and
         * one per model; the pairs' sentences only where {@code pairs} (the user named pairs).
         */
        List<String> verdicts(boolean pairs) {
            List<String> verdicts = new ArrayList<>();
            if (pairs) {
                contrasts.forEach(c -> verdicts.add(c.contrast().verdict()));
            }
            if (decisions.stream().anyMatch(d -> d.lower() != null || d.verdict().decided())) {
                verdicts.add(totals(decisions));
                verdicts.add(String.join("; ", Decisions.summary(decisions)));
            } else if (!decisions.isEmpty()) {
                verdicts.add(decisions.size() + " contrasts against " + decisions.getFirst().baseline()
                        + ", none with an interval: one JVM a cell decides nothing (the report has the figures)");
            }
            slopes.ifPresent(lines -> verdicts.addAll(Slopes.verdicts(lines, experiment.spec().growth().orElseThrow())));
            causes.stream().limit(RuntimeCauses.SHOWN).forEach(c -> verdicts.add("why: " + c));
            if (causes.size() > RuntimeCauses.SHOWN) {
                verdicts.add("why: and " + (causes.size() - RuntimeCauses.SHOWN) + " more in the report");
            }
            return verdicts.stream().map(v -> experiment.name() + ": " + v).toList();
        }

        Stream<Picture> pictures() {
            return Stream.concat(contrasts.stream().flatMap(c -> c.heatmap().stream()), charts.stream());
        }
    }

    /** A pair of models contrasted point by point, with its heatmap where the grid has more than one point. */
    record Contrasted(Contrast contrast, Optional<Picture> heatmap) {
    }

    /** "decided 24 of 28 contrasts against platform on iterationsPerSecond (better 10, worse 12, same within 10% 2); undecided 4". */
    static String totals(List<Decision> decisions) {
        List<Decision> contests = decisions.stream().filter(d -> d.verdict() != Verdict.NO_CONTEST).toList();
        long better = contests.stream().filter(d -> d.verdict() == Verdict.BETTER).count();
        long worse = contests.stream().filter(d -> d.verdict() == Verdict.WORSE).count();
        long same = contests.stream().filter(d -> d.verdict() == Verdict.SAME).count();
        return "decided " + (better + worse + same) + " of " + contests.size() + " contrasts against "
                + decisions.getFirst().baseline() + " on " + decisions.getFirst().metric() + " (better " + better + ", worse " + worse
                + ", same within 10% " + same + "); undecided " + (contests.size() - better - worse - same);
    }

    /** Every headline contrast of the report. */
    List<Decision> decisions() {
        return sections.stream().flatMap(s -> s.decisions().stream()).toList();
    }

    static Section section(Experiment experiment, List<CellResult> cells, List<Comparison> requested) {
        ExperimentResults r = new ExperimentResults(experiment.name(), experiment.spec().headline(), cells,
                experiment.spec().models().stream().map(m -> m.id()).toList(), experiment.spec().params());
        List<Contrasted> contrasts = new ArrayList<>();
        for (Comparison pair : pairs(r, requested)) {
            Contrast contrast = new Contrast(r, pair);
            Optional<Picture> heatmap = r.rows.size() * r.columns.size() > 1
                    ? Optional.of(new Heatmap(contrast).picture(experiment.name() + "-" + pair.first() + "-vs-" + pair.second()))
                    : Optional.empty();
            contrasts.add(new Contrasted(contrast, heatmap));
        }
        Optional<List<Slopes.Line>> slopes = experiment.spec().growth().map(Growth::param)
                .filter(param -> cells.stream().map(c -> c.params().get(param)).distinct().count() > 1)
                .map(param -> Slopes.fit(r, experiment.spec().growth().get()));
        Winners winners = new Winners(r);
        return new Section(experiment, r, winners, contrasts, LineCharts.draw(experiment, cells, r.models), slopes,
                RuntimeCauses.of(r, winners), Decisions.headline(experiment, cells));
    }

    /** The pairs asked for that this experiment ran; none asked: every model against the first. */
    private static List<Comparison> pairs(ExperimentResults r, List<Comparison> requested) {
        if (!requested.isEmpty()) {
            return requested.stream().filter(p -> r.models.contains(p.first()) && r.models.contains(p.second())).toList();
        }
        List<Comparison> pairs = new ArrayList<>();
        for (String model : r.models.subList(Math.min(1, r.models.size()), r.models.size())) {
            pairs.add(new Comparison(model, r.models.getFirst()));
        }
        return pairs;
    }

    /** The terminal's verdicts: the calibration's sentence first, then each experiment's. */
    List<String> verdicts(boolean pairs) {
        List<String> out = new ArrayList<>();
        Calibration.verdict(decisions()).ifPresent(out::add);
        sections.forEach(s -> out.addAll(s.verdicts(pairs)));
        return out;
    }

    Stream<Picture> pictures() {
        return sections.stream().flatMap(Section::pictures);
    }
}
