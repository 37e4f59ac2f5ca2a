package asyncbench.runner;

import asyncbench.result.CellResult;
import java.time.Duration;

/** Hears about a run as it goes; measurement never prints by itself. */
public interface Progress {
    void started(int index, int total, CellSpec cell);

    /**
     * @param elapsed time since the run started
     * @param left    an estimate of the time still to go, from the mean time of the cells run so far
     */
    void finished(int index, int total, CellResult result, Duration elapsed, Duration left);

    Progress SILENT = new Progress() {
        @Override
        public void started(int index, int total, CellSpec cell) {
        }

        @Override
        public void finished(int index, int total, CellResult result, Duration elapsed, Duration left) {
        }
    };
}
