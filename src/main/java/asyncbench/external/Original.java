package asyncbench.external;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;

/**
 * One of the originals, as a model runs it at a point: a program outside the JVM, started once per
 * fork, whose own repetitions give the fork's figure. The lab reads its timing; its work is its own.
 */
public interface Original {
    /** The program's name under the anchors' {@code bin/}. */
    String program();

    /** Runs the program once, for as long as {@code measurement} asks of a fork, and reads its figures. */
    Outcome run(Measurement measurement) throws Exception;
}
