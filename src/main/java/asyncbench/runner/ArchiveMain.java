package asyncbench.runner;

import asyncbench.catalog.Catalog;
import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.result.Metric;
import asyncbench.experiment.Profile;
import asyncbench.experiment.Windows;
import asyncbench.os.ProcStatus;
import asyncbench.os.Rusage;
import asyncbench.result.Json;
import asyncbench.result.JvmInfo;
import asyncbench.result.Status;
import java.util.List;
import java.util.Map;

/**
 * Loads what a cell's JVM loads before and after it measures (the catalog and every experiment's
 * declaration, the result's JSON, the statistics, the /proc readers), measuring nothing, so that a
 * class-data archive dumped at its exit serves every cell's start ({@link Fork#sharedArchive}).
 * Argument: the catalog class.
 */
final class ArchiveMain {
    private ArchiveMain() {
    }

    public static void main(String[] args) throws Exception {
        Catalog catalog = Catalog.load(args[0]);
        for (Experiment e : catalog.experiments()) {
            e.spec().params();
            e.spec().headline();
            e.spec().origin();
            CellSpec spec = new CellSpec(e.name(), e.spec().models().getFirst(), asyncbench.result.Point.EMPTY, Profile.QUICK);
            Json.MAPPER.writeValueAsString(spec.result(Status.OK, null, null,
                    Map.of("x", Metric.ofForks(List.of(Windows.of(List.of(1.0, 2.0), "x"), Metric.once(3, "x")))),
                    Map.of("n", 1L), null, JvmInfo.current()));
        }
        ProcStatus.read();
        Rusage.self();
    }
}
