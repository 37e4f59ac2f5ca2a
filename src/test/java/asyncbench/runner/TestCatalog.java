package asyncbench.runner;

import asyncbench.catalog.Catalog;
import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Spec;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.Style;
import java.util.List;
import java.util.Map;

/** Experiments that misbehave on purpose, for testing how the runner records them. */
public final class TestCatalog implements Catalog {

    /** What a test cell does. */
    enum Behaviour { RETURN, HANG, THROW, LIMIT, MISMATCH, SLOW, EXHAUST_HEAP, EXIT, NOISY }

    /**
     * Where the noisy experiment's JVMs say, one line each, which model they ran: the order forks ran in.
     * Its k-th JVM scores 95, 98.3, 101.7 or 105 by k mod 4: two models that are the same within 10% but
     * undecided after two JVMs each, whatever order they run in.
     */
    static final java.nio.file.Path FORK_LOG = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "asyncbench-test-forks.log");

    @Override
    public List<Experiment> experiments() {
        return List.of(new Fake("ok", Behaviour.RETURN), new Fake("hang", Behaviour.HANG),
                new Fake("throw", Behaviour.THROW), new Fake("limit", Behaviour.LIMIT),
                new Fake("mismatch", Behaviour.MISMATCH), new Fake("slow", Behaviour.SLOW),
                new Fake("exhaust-heap", Behaviour.EXHAUST_HEAP), new Fake("exit", Behaviour.EXIT),
                new Fake("noisy", Behaviour.NOISY));
    }

    private record Fake(String name, Behaviour behaviour) implements Experiment {
        @Override
        public Spec spec() {
            List<Long> values = List.of(1L, 2L, 3L);
            return Spec.of(name, "test experiment that does " + behaviour,
                    new asyncbench.experiment.Origin("nothing published: the runner's own tests", "none"),
                    List.of(Style.THREADS), List.of(Param.of("n", "a count", values, values, values)), new Headline("score", true))
                    .withModels(List.of(Model.PLATFORM, Model.VIRTUAL));
        }

        @Override
        public Map<String, Long> countOnce(Model model, Point point) {
            return Map.of("n", point.count("n"));
        }

        @Override
        public long heapMegabytes(Model model, Point point) {
            return 64;
        }

        @Override
        public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
            long n = point.count("n");
            switch (behaviour) {
                case HANG -> Thread.sleep(Long.MAX_VALUE);
                case THROW -> throw new IllegalStateException("boom at n=" + n);
                case LIMIT -> throw new LimitReachedException(n * 10, "kernel.pid_max", "only " + n * 10 + " fit");
                case MISMATCH -> WorkMismatchException.requireEqual("sent", n, "received", n - 1);
                case SLOW -> Thread.sleep(1500);
                case EXHAUST_HEAP -> {
                    java.util.List<long[]> hog = new java.util.ArrayList<>();
                    while (true) {
                        hog.add(new long[1 << 20]);
                    }
                }
                case EXIT -> Runtime.getRuntime().halt(3);
                case RETURN -> { }
                case NOISY -> {
                    long k;
                    try (var lock = java.nio.channels.FileChannel.open(FORK_LOG, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND)) {
                        k = java.nio.file.Files.readAllLines(FORK_LOG).size();
                        lock.write(java.nio.ByteBuffer.wrap((model.id() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    }
                    probe.peak();
                    return new Outcome(Map.of("score", Metric.once(95 + 10 * (k % 4) / 3.0, "ops/s")), Map.of("n", n));
                }
            }
            probe.peak();
            return new Outcome(Map.of("score", Metric.once(n * (model == Model.VIRTUAL ? 2.0 : 1.0), "ops/s")),
                    Map.of("n", n));
        }
    }
}
