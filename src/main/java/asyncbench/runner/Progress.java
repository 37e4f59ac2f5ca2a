package asyncbench.runner;

import asyncbench.result.CellResult;
import java.time.Duration;

/** Hears about a run as it goes; measurement never prints by itself. */
public interface Progress {
    /** The cells of one point start: every model's JVMs, round after round. */
    void point(int index, int total, String experiment, String point, int cells, int forks);

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
        public void point(int index, int total, String experiment, String point, int cells, int forks) {
        }

        @Override
        public void finished(CellResult result, Duration elapsed, Duration left) {
        }

        @Override
        public void added(String model, String why, Duration elapsed, Duration left) {
        }
    };
}
