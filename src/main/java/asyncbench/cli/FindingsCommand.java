package asyncbench.cli;

import asyncbench.catalog.Catalog;
import asyncbench.catalog.EnvironmentFault;
import asyncbench.catalog.UsageException;
import asyncbench.findings.Finding;
import asyncbench.findings.Findings;
import asyncbench.findings.FindingsFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "findings", mixinStandardHelpOptions = true,
        description = "Answers the published claims from the committed runs: reproduced, reversed, partly or undecided, with the figure, its interval and the run; writes docs/findings.md and the README's table of findings.")
final class FindingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "docs/results", description = "The committed runs the claims name (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--docs", paramLabel = "FILE", defaultValue = "docs/findings.md", description = "The page to write (default: ${DEFAULT-VALUE}).")
    Path page;

    @Option(names = "--readme", paramLabel = "FILE", defaultValue = "README.md", description = "The README whose table of findings to rewrite (default: ${DEFAULT-VALUE}); 'none' for none.")
    String readme;

    @Option(names = "--catalog", hidden = true, defaultValue = "asyncbench.catalog.Catalog$BuiltIn")
    String catalogClass;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(results)) {
            throw new UsageException("no directory " + results + ": give --results the directory of the committed runs (docs/results in a checkout)");
        }
        List<Finding> findings = Findings.compute(Findings.claims(), results, Catalog.load(catalogClass));
        PrintWriter out = spec.commandLine().getOut();
        out.print(FindingsFormat.table(findings, results + "/", page.toString()));
        write(page, FindingsFormat.page(findings, Findings.besideOriginals(results, Catalog.load(catalogClass))));
        write(results.resolve("README.md"), asyncbench.findings.RunIndex.markdown(results, findings));
        out.println("Wrote " + page + " and " + results.resolve("README.md"));
        for (Path doc : docsPages(page.getParent())) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            String filled = asyncbench.report.DocTables.fill(text, results, Catalog.load(catalogClass));
            if (!filled.equals(text)) {
                write(doc, filled);
                out.println("Generated the tables of " + doc);
            }
        }
        if (!readme.equals("none")) {
            Path file = Path.of(readme);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no README at " + readme + ": give --readme its path, or none");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            try {
                write(file, FindingsFormat.intoReadme(text, FindingsFormat.table(findings, "docs/results/", "docs/findings.md")));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            out.println("Rewrote the findings in " + readme);
        }
        out.flush();
        return 0;
    }

    /** The pages whose generated tables the command fills: docs/*.md and docs/experiments/*.md. */
    static List<Path> docsPages(Path docs) throws java.io.IOException {
        if (docs == null || !Files.isDirectory(docs)) {
            return List.of();
        }
        try (var files = Files.walk(docs, 2)) {
            return files.filter(p -> p.toString().endsWith(".md") && !p.startsWith(docs.resolve("results"))).sorted().toList();
        }
    }

    private static void write(Path file, String text) throws EnvironmentFault {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new EnvironmentFault(EnvironmentFault.sentence(e), e);
        }
    }
}
