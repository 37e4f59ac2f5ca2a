package asyncbench.cli;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Param;
import asyncbench.experiment.Profile;
import asyncbench.model.Model;
import asyncbench.catalog.Catalog;
import asyncbench.runner.Plan;
import asyncbench.catalog.UsageException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists experiments, their models and parameters with each profile's values.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "EXPERIMENT", description = "Show this experiment only.")
    String only;

    /** The cells a run of {@code experiments} at {@code profile} plans, each model at its own points. */
    private static String cellCount(List<String> experiments, Profile profile) {
        Catalog catalog = new Catalog.BuiltIn();
        try {
            return String.valueOf(new Plan(experiments, profile.id(), List.of(), Map.of(), null).cells(catalog).size());
        } catch (UsageException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Override
    public Integer call() throws UsageException {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = new Catalog.BuiltIn();
        if (only != null && catalog.byName(only).isEmpty()) {
            throw new UsageException("unknown experiment '" + only + "'; valid: " + String.join(", ", catalog.names()));
        }
        out.println("Experiments:");
        for (Experiment e : catalog.experiments()) {
            if (only != null && !e.name().equals(only)) {
                continue;
            }
            out.println("  " + e.name() + ": " + e.spec().description());
            out.println("    reproduces: " + e.spec().origin().reproduces());
            out.println("    published: " + e.spec().origin().published());
            out.println("    models: " + e.spec().models().stream().map(Model::id).collect(Collectors.joining(", ")));
            out.println("    cells: " + java.util.Arrays.stream(Profile.values())
                    .map(p -> p.id() + " " + cellCount(List.of(e.name()), p)).collect(Collectors.joining(", ")));
            out.println("    headline: " + e.spec().headline().metric() + " (" + (e.spec().headline().higherIsBetter() ? "higher" : "lower")
                    + " is better)");
            for (Param p : e.spec().params()) {
                out.println("    --param " + p.name() + ": " + p.description());
                for (Profile profile : Profile.values()) {
                    out.println("        " + profile.id() + ": " + values(p, p.values(profile)));
                }
            }
        }
        if (only != null) {
            out.flush();
            return 0;
        }
        out.println();
        out.println("Models:");
        for (Model m : Model.values()) {
            out.println("  " + m.id() + ": " + m.description());
        }
        out.println();
        out.println("Profiles (--profile, default " + RunCommand.DEFAULT_PROFILE + "):");
        for (Profile p : Profile.values()) {
            var m = p.measurement();
            String cells = cellCount(catalog.names(), p);
            out.println("  " + p.id() + ": a budget of " + p.budget().toMinutes() + " min (--budget), which the JVMs added to undecided contrasts fill; "
                    + cells + " cells of every experiment, each in at least " + p.forks() + " JVM"
                    + (p.forks() > 1 ? "s" : "") + " of " + m.warmupIterations() + " warm-up + " + m.iterations()
                    + " measured windows of " + m.iteration().toMillis() + " ms; a JVM is killed after "
                    + p.cellTimeout().toSeconds() + " s");
        }
        out.flush();
        return 0;
    }

    private static String values(Param p, List<Object> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
