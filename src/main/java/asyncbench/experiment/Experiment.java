package asyncbench.experiment;

import asyncbench.result.Metric;
import asyncbench.result.Point;
import asyncbench.model.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One experiment: its {@link #spec()}, the data that the runner, the report and {@code list} read,
 * and its workload, runnable under each of the spec's models at each point of its parameter grid.
 * {@link #run} executes inside a fresh JVM forked for the cell; it opens the model's runtime, sets up,
 * measures, tears down, closes the runtime and verifies its own counters before returning. Metric and
 * counter names are constants of the experiment, used where they are measured and in its headline.
 *
 * <p>An experiment is one object for every cell of a run: what a cell builds, it builds and closes
 * inside {@link #countOnce} and {@link #run}.
 */
public interface Experiment {
    /** What this experiment is: name, origin, models, parameters and what its report shows. */
    Spec spec();

    /** The spec's name, used on the command line and in results, e.g. {@code signal-grid}. */
    default String name() {
        return spec().name();
    }

    /**
     * Why this experiment cannot run at {@code point} whatever the machine (a combination of values it
     * rejects), in one sentence naming what it accepts; empty when it can.
     */
    default Optional<String> reject(Point point) {
        return Optional.empty();
    }

    /**
     * The points a model runs at, given the profile's grid: the grid itself, unless the experiment adds
     * points where this model meets a limit of this machine.
     */
    default List<Point> points(Model model, List<Point> grid) {
        return grid;
    }

    /** JVM options a cell at {@code point} needs beyond its model's; a collector chosen here replaces the default, G1. */
    default List<String> jvmFlags(Point point) {
        return List.of();
    }

    /** The command a cell's JVM at {@code point} runs under, such as {@code taskset -c 0}; empty for none. */
    default List<String> launcher(Point point) {
        return List.of();
    }

    /**
     * JVMs a cell runs in under {@code profile} when the run does not say ({@code --forks}); empty for the
     * profile's own count. As JMH's {@code @Fork} on a benchmark: for an experiment whose cell is costly.
     */
    default java.util.OptionalInt forks(Profile profile) {
        return java.util.OptionalInt.empty();
    }

    /**
     * The original program a model outside the JVM ({@link Model#external()}) runs at {@code point},
     * with the point's parameters as its options; empty where the original has no such point. The
     * cell's JVM starts it once and reads its figures ({@code CellMain}).
     */
    default java.util.Optional<asyncbench.external.Original> original(Model model, Point point) {
        return java.util.Optional.empty();
    }

    /** Heap for a cell: fixed (-Xms = -Xmx) and pre-touched, so growth does not show in the figures. */
    long heapMegabytes(Model model, Point point);

    /**
     * Runs the cell's workload once, untimed, with a fixed amount of work, and returns its work
     * counters: every model must return identical counters at the same point, each above zero.
     */
    Map<String, Long> countOnce(Model model, Point point) throws Exception;

    /**
     * Runs one cell.
     *
     * @throws LimitReachedException when a system limit stops it; the cell is recorded as {@code limit}
     * @throws WorkMismatchException when its counters disagree; the cell is recorded as {@code mismatch}
     */
    Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception;
}
