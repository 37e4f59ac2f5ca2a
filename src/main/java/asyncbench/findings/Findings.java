package asyncbench.findings;

import asyncbench.catalog.Catalog;
import asyncbench.catalog.UsageException;
import asyncbench.experiment.Experiment;
import asyncbench.result.CellResult;
import asyncbench.result.Json;
import asyncbench.result.ResultsFile;
import asyncbench.stats.Decision;
import asyncbench.stats.Verdict;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's answers to the published claims ({@code claims.json}), each computed from the committed
 * runs the claim names: every contrast decided as the report decides it ({@link Decision}), and the
 * claim reproduced, reversed, partly or undecided.
 */
public final class Findings {
    /** The claims, as data beside the code. */
    static final String CLAIMS = "/asyncbench/findings/claims.json";
    /** The JVM's models set against the Rust originals they reproduce: contrasts with no claim to test. */
    static final String ORIGINALS = "/asyncbench/findings/originals.json";

    private Findings() {
    }

    public static List<Claim> claims() throws IOException {
        try (InputStream in = Findings.class.getResourceAsStream(CLAIMS)) {
            if (in == null) {
                throw new IOException("no " + CLAIMS + " in the build");
            }
            return Json.MAPPER.readValue(in, new TypeReference<List<Claim>>() { });
        }
    }

    /** Each JVM model against the original it reproduces, decided from the run each names under {@code runs}. */
    public static List<Finding.Tested> besideOriginals(Path runs, Catalog catalog) throws IOException, UsageException {
        List<Claim.Test> tests;
        try (InputStream in = Findings.class.getResourceAsStream(ORIGINALS)) {
            if (in == null) {
                throw new IOException("no " + ORIGINALS + " in the build");
            }
            tests = Json.MAPPER.readValue(in, new TypeReference<List<Claim.Test>>() { });
        }
        Map<String, List<CellResult>> byRun = new HashMap<>();
        List<Finding.Tested> tested = new ArrayList<>();
        for (Claim.Test test : tests) {
            tested.add(decide(ORIGINALS, test, cellsOf(ORIGINALS, test, runs, byRun), catalog));
        }
        return tested;
    }

    /** Every claim answered from the runs under {@code runs} (docs/results). */
    public static List<Finding> compute(List<Claim> claims, Path runs, Catalog catalog) throws IOException, UsageException {
        Map<String, List<CellResult>> byRun = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Claim claim : claims) {
            List<Finding.Tested> tested = new ArrayList<>();
            for (Claim.Test test : claim.tests()) {
                tested.add(decide("claim " + claim.id(), test, cellsOf("claim " + claim.id(), test, runs, byRun), catalog));
            }
            findings.add(new Finding(claim, tested, Finding.answer(tested.stream().map(Finding.Tested::outcome).toList())));
        }
        return findings;
    }

    /** The cells of the committed run {@code test} names (read once per run into {@code byRun}); {@code who} names the test in a refusal. */
    private static List<CellResult> cellsOf(String who, Claim.Test test, Path runs, Map<String, List<CellResult>> byRun) throws UsageException {
        if (!ResultsFile.isName(test.run())) {
            throw new UsageException(who + " names run '" + test.run() + "', which is not a run's name");
        }
        List<CellResult> cells = byRun.computeIfAbsent(test.run(), run -> read(runs.resolve(run).resolve(ResultsFile.NAME)));
        if (cells.isEmpty()) {
            throw new UsageException(who + " names run " + test.run() + ", which has no results under " + runs);
        }
        return cells;
    }

    /**
     * The claims that {@code cells}, one run's, can answer: each contrast of a claim at a point of an
     * experiment the run measured, whichever run the claim names; a contrast the run has no cells for is
     * left out, and so is a claim left with none.
     */
    public static List<Finding> fromRun(List<Claim> claims, List<CellResult> cells, Catalog catalog) {
        List<Finding> findings = new ArrayList<>();
        for (Claim claim : claims) {
            List<Finding.Tested> tested = new ArrayList<>();
            for (Claim.Test test : claim.tests()) {
                try {
                    tested.add(decide("claim " + claim.id(), test, cells, catalog));
                } catch (UsageException notHere) {
                    // this run did not measure that contrast
                }
            }
            if (!tested.isEmpty()) {
                findings.add(new Finding(claim, tested, Finding.answer(tested.stream().map(Finding.Tested::outcome).toList())));
            }
        }
        return findings;
    }

    private static List<CellResult> read(Path file) {
        try {
            return ResultsFile.latest(ResultsFile.read(file).results());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Finding.Tested decide(String who, Claim.Test test, List<CellResult> cells, Catalog catalog) throws UsageException {
        Experiment experiment = catalog.byName(test.experiment()).orElseThrow(() ->
                new UsageException(who + " names no experiment of the lab: " + test.experiment()));
        String metric = test.metric() != null ? test.metric() : experiment.spec().headline().metric();
        boolean higherIsBetter = test.higherIsBetter() != null ? test.higherIsBetter() : experiment.spec().headline().higherIsBetter();
        CellResult model = cell(who, test, cells, test.model(), test.pointOf(true));
        CellResult baseline = cell(who, test, cells, test.baseline(), test.pointOf(false));
        Map<String, String> point = new LinkedHashMap<>();
        test.point().forEach((k, v) -> point.put(k, String.valueOf(v)));
        Decision d = Decision.of(test.experiment(), point, metric, higherIsBetter, Optional.of(baseline), Optional.of(model));
        if (test.expect() == null) {
            return new Finding.Tested(test, d, null);
        }
        Verdict expected = switch (test.expect()) {
            case "better" -> Verdict.BETTER;
            case "worse" -> Verdict.WORSE;
            case "same" -> Verdict.SAME;
            default -> throw new UsageException(who + " expects '" + test.expect() + "'; valid: better, worse, same");
        };
        Finding.Outcome outcome;
        if (d.verdict() == expected) {
            outcome = Finding.Outcome.AS_CLAIMED;
        } else if (d.verdict() == Verdict.SAME) {
            outcome = Finding.Outcome.SAME;
        } else if (d.verdict() == Verdict.BETTER || d.verdict() == Verdict.WORSE) {
            outcome = Finding.Outcome.OPPOSITE;
        } else {
            outcome = Finding.Outcome.UNDECIDED;
        }
        return new Finding.Tested(test, d, outcome);
    }

    /** The one cell of {@code experiment} and {@code model} whose parameters hold every value of {@code point}. */
    private static CellResult cell(String who, Claim.Test test, List<CellResult> cells, String model, Map<String, Object> point)
            throws UsageException {
        List<CellResult> found = cells.stream()
                .filter(c -> c.experiment().equals(test.experiment()) && c.model().equals(model))
                .filter(c -> point.entrySet().stream().allMatch(e -> c.params().values().containsKey(e.getKey())
                        && String.valueOf(c.params().values().get(e.getKey())).equals(String.valueOf(e.getValue()))))
                .toList();
        if (found.size() != 1) {
            throw new UsageException(who + ": " + found.size() + " cells of " + test.experiment() + " " + model
                    + " at " + point + " in run " + test.run() + ", not one");
        }
        return found.getFirst();
    }
}
