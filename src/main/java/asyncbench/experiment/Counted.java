package asyncbench.experiment;

import asyncbench.model.Model;
import java.util.Map;

/** An experiment whose work can be run once, untimed, to show the calls each model makes. */
public interface Counted extends Experiment {
    /** Runs one cell once, without timing, and returns its work counters. */
    Map<String, Long> countOnce(Model model, Map<String, Long> point) throws Exception;
}
