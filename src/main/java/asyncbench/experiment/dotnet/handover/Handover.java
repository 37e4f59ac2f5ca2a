package asyncbench.experiment.dotnet.handover;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Jmh;
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
 * The price of one suspension and resumption of a stack, which every runtime-captured-stack model pays
 * at each would-block: a bare continuation yielding to its runner (freeze and thaw), virtual threads
 * handing a turn back and forth through their scheduler (one carrier or the default), and platform
 * threads doing the same through the OS; beside them, coroutines (compiled state machines) and
 * CompletableFuture callbacks under pending stages. The stack below the suspension point is {@code depthFrames}
 * deep. Timed by JMH per batch of round trips; building the tasks is not timed. Before timing, one
 * untimed batch must count exactly its resumptions.
 */
public final class Handover implements Experiment {
    public static final String DEPTH = "depthFrames";
    public static final String NS_PER_SUSPENSION = "nsPerSuspension";
    public static final String ALLOC_BYTES_PER_SUSPENSION = "allocBytesPerSuspension";
    public static final String ROUND_TRIPS = "roundTrips";
    public static final String RESUMES = "resumes";
    public static final String SUSPENSIONS = "suspensions";

    private static final Spec SPEC = Spec.of("handover", "a task suspended at the bottom of depthFrames frames (or pending stages) is resumed and suspends again; "
                + "ns per suspension by JMH (tasks built once, untimed; coroutines once per batch of 20,000 suspensions)",
            new Origin("The cost of one suspension and resumption, the unit the context-switch suite and the .NET runtime experiment "
                + "reason in: two tasks handing a turn back and forth at the bottom of a stack.",
                "No published figure for this exact loop; the suite's brigade gives its per-hop cost (brigade experiment)."),
            World.STYLES,
            List.of(Param.of(DEPTH, "frames on the stack below the suspension point", 1, 10_000,
                List.of(64L), List.of(1L, 256L), List.of(1L, 4L, 16L, 64L, 256L, 1024L))),
            new Headline(NS_PER_SUSPENSION, false, true));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 256;
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) {
        try (ModelRuntime runtime = model.open(); World world = World.of(runtime, point.intCount(DEPTH))) {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(ROUND_TRIPS, (long) World.BATCH);
            counts.put(RESUMES, world.batch());
            counts.put(SUSPENSIONS, world.suspensionsPerBatch());
            return counts;
        }
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        Map<String, Long> counts = countOnce(model, point);
        WorkMismatchException.requireEqual(SUSPENSIONS, counts.get(SUSPENSIONS), RESUMES, counts.get(RESUMES));
        Jmh.Timing timing = Jmh.run(HandoverBenchmark.class, "batch",
                Map.of("model", model.id(), DEPTH, String.valueOf(point.count(DEPTH))), measurement);
        probe.peak();
        double perBatch = counts.get(SUSPENSIONS);
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.put(NS_PER_SUSPENSION, timing.nanosPer(perBatch));
        timing.allocBytesPerOp().ifPresent(b -> metrics.put(ALLOC_BYTES_PER_SUSPENSION, Metric.once(b / perBatch, "bytes")));
        return new Outcome(metrics, counts);
    }
}
