package asyncbench.runner;

import asyncbench.result.CellResult;
import java.time.Duration;

/** Hears about a run as it goes; measurement never prints by itself. */
public interface Progress {
    /** One round of the first pass reaches a point: one JVM of each of its {@code cells}, in a shuffled order. */
    void point(int round, int rounds, int index, int total, String experiment, String point, int cells);

    /**
     * A cell was recorded.
     *
     * @param elapsed time since the run started
     * @param left    an estimate of the time still to go
     */
    void finished(CellResult result, Duration elapsed, Duration left);

    /** The budget bought one more JVM of {@code model}'s cell, for the undecided contrast said in {@code why}. */
    void added(String model, String why, Duration elapsed, Duration left);

    Progress SILENT = new Progress() {
        @Override
        public void point(int round, int rounds, int index, int total, String experiment, String point, int cells) {
        }

        @Override
        public void finished(CellResult result, Duration elapsed, Duration left) {
        }

        @Override
        public void added(String model, String why, Duration elapsed, Duration left) {
        }
    };
}
