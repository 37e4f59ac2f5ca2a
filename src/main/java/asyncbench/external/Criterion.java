package asyncbench.external;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Windows;
import asyncbench.result.Metric;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A criterion benchmark of jkarneges/rust-async-bench, run as its bench binary runs it, one benchmark
 * ({@code manual}, {@code nonbox}, their {@code +syscalls} forms) with the profile's warm-up and
 * measured time in whole seconds (criterion takes no less), at least one each; criterion's samples (its {@code sample.json}: iterations and nanoseconds each) are the
 * fork's windows. One iteration serves {@code perIteration} requests; the metrics are nanoseconds per
 * request and microseconds per iteration.
 */
public record Criterion(String program, String bench, long perIteration, String perRequest, String perRun,
        Map<String, Long> told) implements Original {
    /** Criterion takes at least ten samples. */
    static final int MIN_SAMPLES = 10;

    @Override
    public Outcome run(Measurement measurement) throws Exception {
        Path home = Files.createTempDirectory("asyncbench-criterion");
        try {
            // criterion takes whole seconds: the profile's times rounded up, at least one
            long warmup = wholeSeconds(measurement.warmupIterations() * measurement.iteration().toNanos());
            long measured = wholeSeconds(measurement.iterations() * measurement.iteration().toNanos());
            Programs.run(Anchors.program(program), List.of("--bench", "^" + bench.replace("+", "\\+") + "$",
                    "--warm-up-time", String.valueOf(warmup), "--measurement-time", String.valueOf(measured),
                    "--sample-size", String.valueOf(Math.max(MIN_SAMPLES, measurement.iterations())), "--noplot"),
                    Map.of("CRITERION_HOME", home.toString()));
            List<Double> nanosPerIteration = samples(home);
            Map<String, Metric> metrics = new LinkedHashMap<>();
            metrics.put(perRequest, Windows.of(nanosPerIteration.stream().map(ns -> ns / perIteration).toList(), "ns"));
            metrics.put(perRun, Windows.of(nanosPerIteration.stream().map(ns -> ns / 1e3).toList(), "us"));
            Map<String, Long> counters = new LinkedHashMap<>(told);
            counters.put("samples", (long) nanosPerIteration.size());
            return new Outcome(metrics, counters);
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long wholeSeconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }

    /** Nanoseconds per iteration of each of criterion's samples, from the one benchmark under {@code home}. */
    static List<Double> samples(Path home) throws java.io.IOException {
        List<Path> found;
        try (Stream<Path> files = Files.walk(home)) {
            found = files.filter(p -> p.endsWith(Path.of("new", "sample.json"))).toList();
        }
        if (found.size() != 1) {
            throw new IllegalStateException("criterion wrote " + found.size() + " sample files under " + home + ", not one");
        }
        JsonNode sample = new ObjectMapper().readTree(found.getFirst().toFile());
        JsonNode iters = sample.get("iters");
        JsonNode times = sample.get("times");
        if (iters == null || times == null || iters.size() != times.size() || iters.isEmpty()) {
            throw new IllegalStateException("criterion's " + found.getFirst() + " has no iters and times of one length");
        }
        List<Double> perIteration = new ArrayList<>();
        for (int i = 0; i < iters.size(); i++) {
            perIteration.add(times.get(i).asDouble() / iters.get(i).asDouble());
        }
        return perIteration;
    }
}
