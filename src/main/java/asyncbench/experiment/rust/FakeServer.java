package asyncbench.experiment.rust;

import asyncbench.experiment.Spec;
import asyncbench.external.Criterion;
import asyncbench.external.Original;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Jmh;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fake request/response server: N connections accepted, each read one request line and answered,
 * over fake in-memory I/O that would-blocks on every other call, so only the cost of the programming
 * model shows. With one syscall per call, each I/O call also makes a real failing read(2). Timed by JMH
 * (average time per run of N transactions, allocation by its GC profiler) inside the cell's own JVM;
 * before timing, one untimed run must make exactly the original's I/O calls.
 */
public final class FakeServer implements Experiment {
    public static final String CONNECTIONS = "connections";
    public static final String SYSCALLS = "syscallsPerCall";
    public static final String NS_PER_REQUEST = "nsPerRequest";
    public static final String US_PER_RUN = "usPerRun";
    public static final String ALLOC_BYTES_PER_REQUEST = "allocBytesPerRequest";

    private static final Spec SPEC = Spec.of("fake-server", "N fake connections accepted, read and answered on one thread; ns per request by JMH "
                + "(world built once, untimed), allocation per request by JMH's gc profiler",
            new Origin("jkarneges/rust-async-bench: a server over fake in-memory I/O (odd accepts, reads and writes would block) "
                + "as a manual poll loop, manual state machines and async/await, with every I/O call counted.",
                "The I/O counts are the original's and must match exactly (for 256 connections: register=257 unregister=257 poll=258 "
                + "accept=512 read=512 write=512); its timings are of Rust, not set beside these."),
            Server.STYLES,
            List.of(
                Param.of(CONNECTIONS, "connections served per run", 1, 1_000_000,
                        List.of(256L), List.of(256L), List.of(32L, 256L, 1024L)),
                Param.of(SYSCALLS, "real read(2) calls per fake I/O call: 0 or 1", 0, 1, List.of(1L),
                        List.of(0L, 1L), List.of(0L, 1L))),
            new Headline(NS_PER_REQUEST, false, true))
            .withExternal(Model.RUST_MANUAL, Model.RUST_ASYNC);

    /** The original's connections, fixed in its benchmark. */
    private static final int ORIGINAL_CONNECTIONS = 256;

    /** The original's criterion benchmark: manual or nonbox, with +syscalls at one syscall per call, at its 256 connections. */
    @Override
    public java.util.Optional<Original> original(Model model, Point point) {
        String bench = switch (model) {
            case RUST_MANUAL -> "manual";
            case RUST_ASYNC -> "nonbox";
            default -> null;
        };
        if (bench == null || point.count(CONNECTIONS) != ORIGINAL_CONNECTIONS) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Criterion("rust-async-bench-run", bench + (point.count(SYSCALLS) == 1 ? "+syscalls" : ""),
                ORIGINAL_CONNECTIONS, NS_PER_REQUEST, US_PER_RUN, Map.of(CONNECTIONS, (long) ORIGINAL_CONNECTIONS)));
    }

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 512;
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws LimitReachedException {
        int connections = connections(point);
        try (ModelRuntime runtime = model.open(); FakeIo io = new FakeIo(connections, point.count(SYSCALLS))) {
            if (model.osThreadPerTask()) {
                LimitReachedException.requireThreads(connections + 1L);
            }
            io.reset();
            Server.of(runtime, io).serve();
            return io.stats.counts().asMap();
        }
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        int connections = connections(point);
        Map<String, Long> counts = countOnce(model, point);
        Map<String, Long> expected = IoCounts.expected(connections).asMap();
        if (!counts.equals(expected)) {
            throw new WorkMismatchException(model + " made " + counts + " but every model must make " + expected);
        }
        Jmh.Timing timing = Jmh.run(FakeServerBenchmark.class, "serve", Map.of(
                "model", model.id(),
                CONNECTIONS, String.valueOf(point.count(CONNECTIONS)),
                SYSCALLS, String.valueOf(point.count(SYSCALLS))), measurement);
        probe.peak();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(NS_PER_REQUEST, timing.nanosPer(connections));
        metrics.put(US_PER_RUN, timing.microsPerOp());
        timing.allocBytesPerOp().ifPresent(b -> metrics.put(ALLOC_BYTES_PER_REQUEST, Metric.once(b / connections, "bytes")));
        return new Outcome(metrics, counts);
    }

    private static int connections(Point point) {
        return point.intCount(CONNECTIONS);
    }
}
