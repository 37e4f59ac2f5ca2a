package asyncbench.cli;

import asyncbench.experiment.Experiment;
import asyncbench.experiment.Param;
import asyncbench.result.Json;
import asyncbench.result.ResultsFile;
import asyncbench.catalog.Catalog;
import asyncbench.runner.Runner;
import asyncbench.runner.Runs;
import asyncbench.catalog.UsageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Rewrites, once, a run saved when each choice was stored as its position in the experiment's list
 * ({@code "counting": 0}): every choice becomes its name ({@code "counting": "shared"}), by the lists of
 * this version, and every line gets the current format. A file is replaced whole, atomically; a line
 * that cannot be read is kept as it was.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Rewrites runs saved before choices were stored by name, once: each choice's position becomes its name.")
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", arity = "1..*", description = "The runs: id, name (run --name), latest or previous.")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "Where runs are kept (default: ${DEFAULT-VALUE}).")
    Path results;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = new Catalog.BuiltIn();
        PrintWriter out = spec.commandLine().getOut();
        for (String ref : runIds) {
            String id = Runs.resolve(results, ref);
            Path dir = results.resolve(id);
            Counts counts = convertResults(catalog, dir.resolve(ResultsFile.NAME));
            boolean plan = convertPlan(catalog, dir.resolve(Runner.PLAN));
            out.println(id + ": " + counts.converted + " lines converted (" + counts.renamed + " choices named), "
                    + counts.current + " already current" + (counts.unknown > 0 ? ", " + counts.unknown
                    + " of experiments this version does not have kept their numbers" : "")
                    + (plan ? "; plan.json converted" : ""));
        }
        out.flush();
        return 0;
    }

    private static final class Counts {
        int converted;
        int current;
        int renamed;
        int unknown;
    }

    private static Counts convertResults(Catalog catalog, Path file) throws IOException, UsageException {
        if (!Files.exists(file)) {
            throw new UsageException("no " + ResultsFile.NAME + " in " + file.getParent());
        }
        Counts counts = new Counts();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (IOException unreadable) {
                lines.add(line);
                continue;
            }
            if (!(node instanceof ObjectNode object) || object.has("format")) {
                counts.current += node instanceof ObjectNode ? 1 : 0;
                lines.add(line);
                continue;
            }
            Optional<Experiment> experiment = catalog.byName(object.path("experiment").asText());
            if (experiment.isEmpty()) {
                counts.unknown++;
            } else if (object.get("params") instanceof ObjectNode params) {
                counts.renamed += rename(experiment.get(), params);
            }
            ObjectNode converted = Json.MAPPER.createObjectNode();
            converted.put("format", ResultsFile.FORMAT);
            converted.setAll(object);
            lines.add(Json.MAPPER.writeValueAsString(converted));
            counts.converted++;
        }
        replace(file, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
        return counts;
    }

    /** Names each positional choice of {@code params}; returns how many it named. */
    private static int rename(Experiment experiment, ObjectNode params) {
        int renamed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<Param> param = experiment.spec().params().stream().filter(p -> p.name().equals(e.getKey())).findFirst();
            if (param.isPresent() && param.get().isChoice() && e.getValue().canConvertToInt()
                    && e.getValue().isIntegralNumber()) {
                int i = e.getValue().asInt();
                if (i >= 0 && i < param.get().choices().size()) {
                    e.setValue(TextNode.valueOf(param.get().choices().get(i)));
                    renamed++;
                }
            }
        }
        return renamed;
    }

    /** plan.json's --param values of a choice, as names; whether anything changed. */
    private static boolean convertPlan(Catalog catalog, Path file) throws IOException {
        if (!Files.exists(file) || !(Json.MAPPER.readTree(file.toFile()) instanceof ObjectNode plan)
                || !(plan.get("params") instanceof ObjectNode params)) {
            return false;
        }
        List<Experiment> chosen = new ArrayList<>();
        plan.path("experiments").forEach(n -> catalog.byName(n.asText()).ifPresent(chosen::add));
        boolean changed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<Param> param = chosen.stream().flatMap(x -> x.spec().params().stream())
                    .filter(p -> p.name().equals(e.getKey()) && p.isChoice()).findFirst();
            if (param.isEmpty() || !(e.getValue() instanceof ArrayNode values)) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (v.isIntegralNumber() && v.asInt() >= 0 && v.asInt() < param.get().choices().size()) {
                    values.set(i, TextNode.valueOf(param.get().choices().get(v.asInt())));
                    changed = true;
                }
            }
        }
        if (changed) {
            replace(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan) + "\n");
        }
        return changed;
    }

    /** Writes {@code text} beside {@code file}, then moves it over the file in one step. */
    private static void replace(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".converting");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
