package asyncbench.experiment;

import asyncbench.model.Model;
import asyncbench.model.Style;
import java.util.List;
import java.util.Optional;

/**
 * What an experiment is, as data: its name, what it reproduces, the models it runs under, its
 * parameters and what its report shows. The runner, the report and {@code list} read an experiment
 * through its spec; its {@link Experiment workload} is the only code that measures.
 *
 * <p>Built with {@link #of} and narrowed with the {@code with} methods, once per experiment:
 * <pre>{@code
 * Spec.of("call-cost", "an async call that ...", origin, LoopExperiment.CHAIN_STYLES, params, headline)
 *     .without(Model.FUTURE_POOL, Model.VIRTUAL_ONE_CARRIER)
 * }</pre>
 *
 * @param name the name used on the command line and in results, e.g. {@code signal-grid}
 * @param description one sentence: what is measured and what is left out
 * @param origin what it reproduces and the published figure it is compared with
 * @param styles the styles its workload is written in, in report order
 * @param models the models it runs under, all of its styles', in report order: the first is the one
 *     the report compares the others with
 * @param params its parameters, with the values each profile sweeps
 * @param headline the figure its tables, heatmaps and verdicts compare
 * @param growth a total that grows linearly with a parameter, fitted by the report per model
 * @param ratio a ratio of two values of one parameter that the report tabulates per model
 * @param charts line charts the report draws from its cells
 */
public record Spec(String name, String description, Origin origin, List<Style> styles, List<Model> models,
                   List<Param> params, Headline headline, Optional<Growth> growth, Optional<Ratio> ratio,
                   List<Chart> charts) {

    public Spec {
        styles = List.copyOf(styles);
        models = List.copyOf(models);
        params = List.copyOf(params);
        charts = List.copyOf(charts);
        List<Model> ofStyles = Model.of(styles);
        for (Model model : models) {
            if (!ofStyles.contains(model)) {
                throw new IllegalArgumentException(name + ": model " + model.id() + " is of none of its styles " + styles);
            }
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException(name + " runs under no model");
        }
    }

    /** An experiment that runs under every model of its styles, with no growth, ratio or chart. */
    public static Spec of(String name, String description, Origin origin, List<Style> styles, List<Param> params,
                          Headline headline) {
        return new Spec(name, description, origin, styles, Model.of(styles), params, headline, Optional.empty(),
                Optional.empty(), List.of());
    }

    /** This spec running under {@code models} only, in that order. */
    public Spec withModels(List<Model> models) {
        return new Spec(name, description, origin, styles, models, params, headline, growth, ratio, charts);
    }

    /** This spec running under the models of its styles that are among {@code kept}, in style order. */
    public Spec withOnly(java.util.Set<Model> kept) {
        return withModels(Model.of(styles, kept));
    }

    /** This spec without {@code left}: its workload has no version for them. */
    public Spec without(Model... left) {
        List<Model> out = List.of(left);
        return withModels(models.stream().filter(m -> !out.contains(m)).toList());
    }

    /** The models that run in the JVM: every one but the originals. */
    public List<Model> jvmModels() {
        return models.stream().filter(m -> !m.external()).toList();
    }

    /** This spec with {@code originals}, models outside the JVM, after its own: they run where {@code Experiment#original} gives them a program. */
    public Spec withExternal(Model... originals) {
        List<Model> all = new java.util.ArrayList<>(models);
        all.addAll(List.of(originals));
        List<Style> withExternal = new java.util.ArrayList<>(styles);
        withExternal.add(Style.EXTERNAL);
        return new Spec(name, description, origin, List.copyOf(withExternal), List.copyOf(all), params, headline, growth, ratio, charts);
    }

    public Spec withGrowth(Growth growth) {
        return new Spec(name, description, origin, styles, models, params, headline, Optional.of(growth), ratio, charts);
    }

    public Spec withRatio(Ratio ratio) {
        return new Spec(name, description, origin, styles, models, params, headline, growth, Optional.of(ratio), charts);
    }

    public Spec withCharts(List<Chart> charts) {
        return new Spec(name, description, origin, styles, models, params, headline, growth, ratio, charts);
    }
}
