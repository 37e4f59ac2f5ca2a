package asyncbench.runner;

import asyncbench.catalog.Catalog;
import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Profile;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.os.ProcStatus;
import asyncbench.os.Rusage;
import asyncbench.result.CellResult;
import asyncbench.result.Json;
import asyncbench.result.JvmInfo;
import asyncbench.result.LimitInfo;
import asyncbench.result.Resources;
import asyncbench.result.RuntimeEvents;
import asyncbench.result.Status;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entry point of a forked cell JVM: runs one cell and prints its result as one JSON line after
 * {@link #MARKER} on standard output. Arguments: catalog class, experiment, model, profile, the point as JSON.
 */
public final class CellMain {
    static final String MARKER = "@asyncbench-result ";
    /** Set on a cell's JVM by a run that asks for a flight recording of each cell ({@code run --jfr}). */
    static final String FLIGHT_RECORDER = "asyncbench.flightRecorder";
    /**
     * Set on a cell's JVM by its parent, which keeps the cell's standard input open while it lives: when
     * it closes (the parent ended, even by {@code kill -9}), the cell ends at once, and with it any server
     * it started, which watches the cell the same way.
     */
    static final String WATCH_PARENT = "asyncbench.watchParent";

    private CellMain() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean(WATCH_PARENT)) {
            Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
                try {
                    while (System.in.read() >= 0) {
                        // nothing is sent: only the end matters
                    }
                } catch (java.io.IOException closed) {
                    // the same end
                }
                Runtime.getRuntime().halt(3);
            });
        }
        Catalog catalog = Catalog.load(args[0]);
        Experiment experiment = catalog.byName(args[1]).orElseThrow();
        Model model = Model.byId(args[2]).orElseThrow();
        Profile profile = Profile.byId(args[3]).orElseThrow();
        Point point = Json.MAPPER.readValue(args[4], Point.class);
        CellSpec spec = new CellSpec(experiment.name(), model, point, profile);
        CellResult result = run(experiment, spec);
        System.out.println(MARKER + Json.MAPPER.writeValueAsString(result));
        System.out.flush();
        // readers or pools a failed cell left behind must not keep this JVM alive
        System.exit(0);
    }

    static CellResult run(Experiment experiment, CellSpec spec) {
        PeakProbe probe = new PeakProbe();
        JvmInfo jvm = JvmInfo.current();
        FlightRecording recording = Boolean.getBoolean(FLIGHT_RECORDER) ? FlightRecording.start() : null;
        Rusage cpuBefore = Rusage.self();
        long[] gcBefore = gc();
        try {
            Outcome outcome = spec.model().external()
                    ? experiment.original(spec.model(), spec.params()).orElseThrow(() -> new IllegalStateException(
                            spec.model() + " has no original at " + spec.params())).run(spec.profile().measurement())
                    : experiment.run(spec.model(), spec.params(), spec.profile().measurement(), probe);
            return spec.result(Status.OK, null, null, outcome.metrics(), outcome.counters(),
                    probe.resources(cpuBefore, gcBefore, events(recording)), jvm);
        } catch (LimitReachedException e) {
            return spec.result(Status.LIMIT, e.getMessage(), new LimitInfo(e.reached(), e.limit(), e.getMessage()),
                    null, null, probe.resources(cpuBefore, gcBefore, events(recording)), jvm);
        } catch (OutOfMemoryError e) {
            // a limit reached, not a crash: the heap (-Xmx) or the native threads the OS would give
            String limit = String.valueOf(e.getMessage()).contains("native thread") ? "native threads" : "Java heap (-Xmx)";
            return spec.result(Status.LIMIT, e.toString(), new LimitInfo(-1, limit, e.toString()),
                    null, null, null, jvm);
        } catch (WorkMismatchException e) {
            return spec.failed(Status.MISMATCH, e.getMessage(), jvm);
        } catch (Exception | Error e) {
            return spec.failed(Status.ERROR, e.toString(), jvm);
        } finally {
            if (recording != null) {
                recording.close();
            }
        }
    }

    /** What the recording saw, or nothing when there is none or it cannot be read. */
    private static RuntimeEvents events(FlightRecording recording) {
        if (recording == null) {
            return null;
        }
        try {
            return recording.stop();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** GC count and milliseconds so far, over all collectors. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** Records memory and threads when the workload says it is at its peak. */
    private static final class PeakProbe implements Probe {
        private ProcStatus status;
        private long heapUsed = -1;

        @Override
        public void peak() {
            status = ProcStatus.read();
            System.gc();
            heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        Resources resources(Rusage cpuBefore, long[] gcBefore, RuntimeEvents runtime) {
            ProcStatus s = status != null ? status : ProcStatus.read();
            Rusage cpu = Rusage.self().since(cpuBefore);
            long[] gc = gc();
            return new Resources(s.rssBytes(), s.peakRssBytes(), heapUsed, s.threads(),
                    cpu.voluntarySwitches(), cpu.involuntarySwitches(),
                    cpu.userNanos() / 1e9, cpu.systemNanos() / 1e9, gc[0] - gcBefore[0], gc[1] - gcBefore[1], runtime);
        }
    }
}
