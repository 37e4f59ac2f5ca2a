package asyncbench.experiment;

import asyncbench.model.Model;
import java.util.List;
import java.util.Map;

/**
 * One workload of the lab, runnable under each of its {@link #models()} at each point of its
 * parameter grid. {@link #run} executes inside a fresh JVM forked for the cell; it sets up,
 * measures, tears down, and verifies its own counters before returning.
 */
public interface Experiment {
    /** The name used on the command line and in results, e.g. {@code signal-grid}. */
    String name();

    /** One sentence: what is measured and what is left out. */
    String description();

    /** The models this workload is written for, in report order. */
    List<Model> models();

    /** Its parameters, with the values each profile sweeps. */
    List<Param> params();

    /** The figure its tables, heatmaps and verdicts compare. */
    Headline headline();

    /** Heap for a cell: fixed (-Xms = -Xmx) and pre-touched, so growth does not show in the figures. */
    long heapMegabytes(Model model, Map<String, Long> point);

    /**
     * Runs one cell.
     *
     * @throws LimitReachedException when a system limit stops it; the cell is recorded as {@code limit}
     * @throws WorkMismatchException when its counters disagree; the cell is recorded as {@code mismatch}
     */
    Outcome run(Model model, Map<String, Long> point, Measurement measurement, Probe probe) throws Exception;
}
