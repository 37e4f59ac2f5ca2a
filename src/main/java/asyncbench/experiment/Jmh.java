package asyncbench.experiment;

import asyncbench.result.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH benchmark method inside a cell: average time per operation with JMH's GC profiler.
 * JMH does not fork again: the runner already gave the cell a fresh JVM with the model's flags.
 */
public final class Jmh {
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    /** The score in microseconds per operation, per measured iteration, and bytes allocated per operation. */
    public record Timing(Result<?> primary, List<Double> samples, Optional<Double> allocBytesPerOp) {
        /** Time per {@code unitsPerOp}-th of an operation, in nanoseconds, with its error and samples. */
        public Metric nanosPer(double unitsPerOp) {
            Double error = error() == null ? null : error() * 1000 / unitsPerOp;
            return new Metric(primary.getScore() * 1000 / unitsPerOp, error, "ns",
                    samples.stream().map(us -> us * 1000 / unitsPerOp).toList());
        }

        /** Microseconds per operation, with its error and samples. */
        public Metric microsPerOp() {
            return new Metric(primary.getScore(), error(), "us", samples);
        }

        /** The score's 99.9% half-width; null (unknown, not zero) when JMH could not compute one. */
        private Double error() {
            double e = primary.getScoreError();
            return Double.isNaN(e) || Double.isInfinite(e) ? null : e;
        }
    }

    private Jmh() {
    }

    public static Timing run(Class<?> benchmark, String method, Map<String, String> params, Measurement m)
            throws RunnerException {
        TimeValue window = TimeValue.milliseconds(m.iteration().toMillis());
        OptionsBuilder options = new OptionsBuilder();
        options.include(Pattern.quote(benchmark.getName()) + "\\." + method + "$")
                .forks(0)
                .warmupIterations(Math.max(1, m.warmupIterations()))
                .warmupTime(window)
                .measurementIterations(m.iterations())
                .measurementTime(window)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        params.forEach(options::param);
        RunResult result = new Runner(options.build()).runSingle();
        List<Double> samples = new ArrayList<>();
        for (BenchmarkResult b : result.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                samples.add(i.getPrimaryResult().getScore());
            }
        }
        Result<?> alloc = result.getSecondaryResults().get(ALLOC_NORM);
        return new Timing(result.getPrimaryResult(), List.copyOf(samples),
                alloc == null ? Optional.empty() : Optional.of(alloc.getScore()));
    }
}
