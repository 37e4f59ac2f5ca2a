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

    /** The cells a run of every experiment at {@code profile} plans, each model at its own points. */
    private static String cellCount(Profile profile) {
        Catalog catalog = new Catalog.BuiltIn();
        try {
            return String.valueOf(new Plan(catalog.names(), profile.id(), List.of(), Map.of(), null).cells(catalog).size());
        } catch (UsageException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Experiments:");
        for (Experiment e : new Catalog.BuiltIn().experiments()) {
            out.println("  " + e.name() + ": " + e.spec().description());
            out.println("    reproduces: " + e.spec().origin().reproduces());
            out.println("    published: " + e.spec().origin().published());
            out.println("    models: " + e.spec().models().stream().map(Model::id).collect(Collectors.joining(", ")));
            out.println("    headline: " + e.spec().headline().metric() + " (" + (e.spec().headline().higherIsBetter() ? "higher" : "lower")
                    + " is better)");
            for (Param p : e.spec().params()) {
                out.println("    --param " + p.name() + ": " + p.description());
                for (Profile profile : Profile.values()) {
                    out.println("        " + profile.id() + ": " + values(p, p.values(profile)));
                }
            }
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
            String cells = cellCount(p);
            out.println("  " + p.id() + ": " + cells + " cells of every experiment, each in " + p.forks() + " JVM"
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
