package asyncbench.experiment.fakeserver;

import asyncbench.experiment.Counted;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Measurement;
import asyncbench.experiment.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The fake request/response server: N connections accepted, each read one request line and answered,
 * over fake in-memory I/O that would-blocks on every other call, so only the cost of the programming
 * model shows. With one syscall per call, each I/O call also makes a real failing read(2). Timed by JMH
 * (average time per run of N transactions, allocation by its GC profiler) inside the cell's own JVM;
 * before timing, one untimed run must make exactly the original's I/O calls.
 */
public final class FakeServer implements Counted {
    public static final String CONNECTIONS = "connections";
    public static final String SYSCALLS = "syscallsPerCall";
    private static final String ALLOC_NORM = "gc.alloc.rate.norm";

    @Override
    public String name() {
        return "fake-server";
    }

    @Override
    public String description() {
        return "N fake connections accepted, read and answered on one thread; ns per request by JMH "
                + "(world built once, untimed), allocation per request by JMH's gc profiler";
    }

    @Override
    public List<Model> models() {
        return List.of(Model.EVENT_LOOP, Model.TASKS, Model.FUTURE, Model.CONTINUATION, Model.VIRTUAL_ONE_CARRIER,
                Model.VIRTUAL);
    }

    @Override
    public List<Param> params() {
        return List.of(
                Param.of(CONNECTIONS, "connections served per run", 1, 1_000_000,
                        List.of(256L), List.of(256L), List.of(32L, 256L, 1024L)),
                Param.of(SYSCALLS, "real read(2) calls per fake I/O call: 0 or 1", 0, 1, List.of(0L, 1L),
                        List.of(0L, 1L), List.of(0L, 1L)));
    }

    @Override
    public Headline headline() {
        return new Headline("nsPerRequest", false, true);
    }

    @Override
    public long heapMegabytes(Model model, Map<String, Long> point) {
        return 512;
    }

    @Override
    public Map<String, Long> countOnce(Model model, Map<String, Long> point) {
        int connections = connections(point);
        try (FakeIo io = new FakeIo(connections, point.get(SYSCALLS))) {
            io.reset();
            Server.of(model, io).serve();
            return io.stats.counts().asMap();
        }
    }

    @Override
    public Outcome run(Model model, Map<String, Long> point, Measurement measurement, Probe probe) throws Exception {
        int connections = connections(point);
        Map<String, Long> counts = countOnce(model, point);
        Map<String, Long> expected = IoCounts.expected(connections).asMap();
        if (!counts.equals(expected)) {
            throw new WorkMismatchException(model + " made " + counts + " but every model must make " + expected);
        }
        RunResult result = jmh(model, point, measurement);
        probe.peak();
        Result<?> primary = result.getPrimaryResult();
        List<Double> samples = new ArrayList<>();
        for (BenchmarkResult b : result.getBenchmarkResults()) {
            for (IterationResult i : b.getIterationResults()) {
                samples.add(i.getPrimaryResult().getScore());
            }
        }
        double error = Double.isNaN(primary.getScoreError()) ? 0 : primary.getScoreError();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put("nsPerRequest", new Metric(primary.getScore() * 1000 / connections, error * 1000 / connections,
                "ns", samples.stream().map(us -> us * 1000 / connections).toList()));
        metrics.put("usPerRun", new Metric(primary.getScore(), error, "us", samples));
        Result<?> alloc = result.getSecondaryResults().get(ALLOC_NORM);
        if (alloc != null) {
            metrics.put("allocBytesPerRequest", Metric.once(alloc.getScore() / connections, "bytes"));
        }
        return new Outcome(metrics, counts);
    }

    private static RunResult jmh(Model model, Map<String, Long> point, Measurement m) throws RunnerException {
        TimeValue window = TimeValue.milliseconds(m.iteration().toMillis());
        Options options = new OptionsBuilder()
                .include(Pattern.quote(FakeServerBenchmark.class.getName()) + "\\.serve$")
                .param("model", model.id())
                .param(CONNECTIONS, String.valueOf(point.get(CONNECTIONS)))
                .param(SYSCALLS, String.valueOf(point.get(SYSCALLS)))
                // the runner already gives this cell a fresh JVM with the model's flags
                .forks(0)
                .warmupIterations(Math.max(1, m.warmupIterations()))
                .warmupTime(window)
                .measurementIterations(m.iterations())
                .measurementTime(window)
                .mode(org.openjdk.jmh.annotations.Mode.AverageTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        return new Runner(options).runSingle();
    }

    private static int connections(Map<String, Long> point) {
        return Math.toIntExact(point.get(CONNECTIONS));
    }
}
