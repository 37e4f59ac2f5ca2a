package asyncbench.runner;

import asyncbench.catalog.UsageException;
import asyncbench.result.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The runs kept under a results directory, addressed as people do: by id, by the name given at
 * {@code run --name}, or as {@code latest} and {@code previous} (the run whose plan was written last,
 * and the one before). Only a run directly under the results directory is ever found: a reference never
 * leads elsewhere.
 */
public final class Runs {
    private Runs() {
    }

    /** The id of the run {@code ref} addresses. */
    public static String resolve(Path root, String ref) throws UsageException, IOException {
        List<String> ids = Runner.runIds(root);
        String listed = ids.isEmpty() ? "none" : String.join(", ", ids);
        if (ref.equals("latest") || ref.equals("previous")) {
            int back = ref.equals("latest") ? 1 : 2;
            if (ids.size() < back) {
                throw new UsageException("no " + ref + " run under " + root + " (runs: " + listed + ")");
            }
            return ids.get(ids.size() - back);
        }
        if (ids.contains(ref)) {
            return ref;
        }
        for (String id : ids.reversed()) {
            Plan plan;
            try {
                plan = Json.MAPPER.readValue(root.resolve(id).resolve(Runner.PLAN).toFile(), Plan.class);
            } catch (com.fasterxml.jackson.core.JacksonException unreadable) {
                continue; // a plan that cannot be read names no run
            }
            if (ref.equals(plan.name())) {
                return id;
            }
        }
        throw new UsageException("no run '" + ref + "' under " + root + ": give a run id, a name given at run --name, latest or previous; runs: " + listed);
    }
}
