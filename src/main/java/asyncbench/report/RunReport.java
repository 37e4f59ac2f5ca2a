package asyncbench.report;

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
            List<Picture> charts, Optional<List<Slopes.Line>> slopes, List<String> causes) {

        /** The verdicts for the terminal; the pairs' sentences only where {@code pairs} (the user named pairs). */
        List<String> verdicts(boolean pairs) {
            List<String> verdicts = new ArrayList<>();
            if (pairs) {
                contrasts.forEach(c -> verdicts.add(c.contrast().verdict()));
            }
            verdicts.add("winners: " + winners.verdict());
            slopes.ifPresent(lines -> verdicts.addAll(Slopes.verdicts(lines, experiment.growth().orElseThrow())));
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

    static Section section(Experiment experiment, List<CellResult> cells, List<Comparison> requested) {
        ExperimentResults r = new ExperimentResults(experiment.name(), experiment.headline(), cells,
                experiment.models().stream().map(m -> m.id()).toList(), experiment.params());
        List<Contrasted> contrasts = new ArrayList<>();
        for (Comparison pair : pairs(r, requested)) {
            Contrast contrast = new Contrast(r, pair);
            Optional<Picture> heatmap = r.rows.size() * r.columns.size() > 1
                    ? Optional.of(new Heatmap(contrast).picture(experiment.name() + "-" + pair.first() + "-vs-" + pair.second()))
                    : Optional.empty();
            contrasts.add(new Contrasted(contrast, heatmap));
        }
        Optional<List<Slopes.Line>> slopes = experiment.growth().map(Growth::param)
                .filter(param -> cells.stream().map(c -> c.params().get(param)).distinct().count() > 1)
                .map(param -> Slopes.fit(r, experiment.growth().get()));
        Winners winners = new Winners(r);
        return new Section(experiment, r, winners, contrasts, LineCharts.draw(experiment, cells, r.models), slopes,
                RuntimeCauses.of(r, winners));
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

    List<String> verdicts(boolean pairs) {
        return sections.stream().flatMap(s -> s.verdicts(pairs).stream()).toList();
    }

    Stream<Picture> pictures() {
        return sections.stream().flatMap(Section::pictures);
    }
}
