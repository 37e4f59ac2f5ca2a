package asyncbench.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.catalog.Catalog;
import asyncbench.catalog.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The findings in the docs follow from the committed runs: recomputed here, they must be what
 * docs/findings.md and the README say, word for word, and every run they cite must be in git.
 */
class FindingsTest {
    private static final Path RUNS = Path.of("docs/results");

    private static List<Finding> computed() throws Exception {
        return Findings.compute(Findings.claims(), RUNS, new Catalog.BuiltIn());
    }

    @Test
    void theDocsSayWhatTheCommittedRunsSay() throws Exception {
        List<Finding> findings = computed();
        assertEquals(FindingsFormat.page(findings, Findings.besideOriginals(RUNS, new Catalog.BuiltIn())), Files.readString(Path.of("docs/findings.md"), StandardCharsets.UTF_8),
                "docs/findings.md no longer follows from the committed runs: run ./asyncbench findings");
        assertEquals(RunIndex.markdown(RUNS, findings), Files.readString(RUNS.resolve("README.md"), StandardCharsets.UTF_8),
                "docs/results/README.md no longer lists the committed runs: run ./asyncbench findings");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertEquals(FindingsFormat.intoReadme(readme, FindingsFormat.table(findings, "docs/results/", "docs/findings.md")), readme,
                "the README's findings no longer follow from the committed runs: run ./asyncbench findings");
    }

    @Test
    void everyGeneratedTableInTheDocsFollowsFromItsRun() throws Exception {
        int blocks = 0;
        try (var files = Files.walk(Path.of("docs"), 2)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".md") && !p.startsWith(RUNS)).toList()) {
                String text = Files.readString(page, StandardCharsets.UTF_8);
                blocks += text.split("<!-- (table|ratio|overhead|slopes): ", -1).length - 1;
                assertEquals(asyncbench.report.DocTables.fill(text, RUNS, new Catalog.BuiltIn()), text,
                        page + " has a table that no longer follows from its run: run ./asyncbench findings");
            }
        }
        assertTrue(blocks > 0, "the docs generate their tables");
    }

    @Test
    void everyRunAFindingCitesIsCommitted() throws Exception {
        for (Finding f : computed()) {
            for (Finding.Tested t : f.tests()) {
                Path results = RUNS.resolve(t.test().run()).resolve("results.jsonl");
                Process git = new ProcessBuilder("git", "ls-files", "--error-unmatch", results.toString()).redirectErrorStream(true).start();
                git.getInputStream().readAllBytes();
                assertEquals(0, git.waitFor(), f.claim().id() + " cites " + results + ", which git does not track");
            }
        }
    }

    /**
     * A planted change to a committed figure changes the finding: the docs would no longer follow from
     * the data, and the first test would fail on them.
     */
    @Test
    void aChangedFigureInACommittedRunChangesTheFinding(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        Claim claim = Findings.claims().stream().filter(c -> c.id().equals("forum-task-creation")).findFirst().orElseThrow();
        String run = claim.tests().getFirst().run();
        Path dir = Files.createDirectories(copy.resolve(run));
        List<String> lines = Files.readAllLines(RUNS.resolve(run).resolve("results.jsonl"), StandardCharsets.UTF_8);
        List<String> planted = new java.util.ArrayList<>();
        for (String line : lines) {
            // the virtual threads' creation figures, every fork's, made 10,000 times slower
            if (line.contains("\"model\":\"virtual\"") && line.contains("\"creationNsPerTask\"")) {
                com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) asyncbench.result.Json.MAPPER.readTree(line);
                com.fasterxml.jackson.databind.node.ObjectNode metric = (com.fasterxml.jackson.databind.node.ObjectNode) node.path("metrics").path("creationNsPerTask");
                metric.put("value", metric.path("value").asDouble() * 10_000);
                if (metric.has("forks")) {
                    com.fasterxml.jackson.databind.node.ArrayNode forks = metric.putArray("forks");
                    for (var f : asyncbench.result.Json.MAPPER.readTree(line).path("metrics").path("creationNsPerTask").path("forks")) {
                        forks.add(f.asDouble() * 10_000);
                    }
                }
                line = asyncbench.result.Json.MAPPER.writeValueAsString(node);
            }
            planted.add(line);
        }
        Files.write(dir.resolve("results.jsonl"), planted, StandardCharsets.UTF_8);
        Finding honest = Findings.compute(List.of(claim), RUNS, new Catalog.BuiltIn()).getFirst();
        Finding changed = Findings.compute(List.of(claim), copy, new Catalog.BuiltIn()).getFirst();
        assertEquals(Finding.Answer.REPRODUCED, honest.answer());
        assertEquals(Finding.Outcome.OPPOSITE, changed.tests().getFirst().outcome(), changed.tests().getFirst().sentence());
        assertFalse(FindingsFormat.page(List.of(changed), List.of()).equals(FindingsFormat.page(List.of(honest), List.of())));
    }

    @Test
    void aClaimIsReproducedOnlyWhenEveryContrastGoesItsWay() {
        assertEquals(Finding.Answer.REPRODUCED, Finding.answer(List.of(Finding.Outcome.AS_CLAIMED, Finding.Outcome.AS_CLAIMED)));
        assertEquals(Finding.Answer.REVERSED, Finding.answer(List.of(Finding.Outcome.OPPOSITE)));
        assertEquals(Finding.Answer.PARTLY, Finding.answer(List.of(Finding.Outcome.AS_CLAIMED, Finding.Outcome.UNDECIDED)));
        assertEquals(Finding.Answer.PARTLY, Finding.answer(List.of(Finding.Outcome.SAME)));
        assertEquals(Finding.Answer.UNDECIDED, Finding.answer(List.of(Finding.Outcome.UNDECIDED, Finding.Outcome.UNDECIDED)));
    }

    @Test
    void aClaimOnACellThatIsNotThereOrARunOutsideTheRunsIsRefused() throws Exception {
        Claim.Test missing = new Claim.Test("spawn", "20261203-160600", "virtual", "platform", Map.of("batch", 7), null, null, null, null, "better");
        Claim wrong = new Claim("x", "s", "c", "p", "src", "cmd", List.of(missing));
        UsageException e = assertThrows(UsageException.class, () -> Findings.compute(List.of(wrong), RUNS, new Catalog.BuiltIn()));
        assertTrue(e.getMessage().contains("0 cells of spawn virtual"), e.getMessage());
        Claim.Test outside = new Claim.Test("spawn", "../../etc", "virtual", "platform", Map.of(), null, null, null, null, "better");
        UsageException escape = assertThrows(UsageException.class,
                () -> Findings.compute(List.of(new Claim("y", "s", "c", "p", "src", "cmd", List.of(outside))), RUNS, new Catalog.BuiltIn()));
        assertTrue(escape.getMessage().contains("not a run's name"), escape.getMessage());
    }

    @Test
    void theClaimsCoverEverySeed() throws Exception {
        List<String> seeds = Findings.claims().stream().map(Claim::seed).distinct().toList();
        for (String seed : List.of("C# readers x writers grid", "the async pump", "context-switch", "rust-async-bench", ".NET runtime-handled")) {
            assertTrue(seeds.stream().anyMatch(s -> s.contains(seed)), seed + " has no claim: " + seeds);
        }
        assertFalse(computed().isEmpty());
    }
}
