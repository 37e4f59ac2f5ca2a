package asyncbench.experiment;

/** Lets a running cell say when its resources are at their peak, all its waiters alive. */
public interface Probe {
    /** Records resident memory, heap used after a GC and live threads now. Call once, after measuring. */
    void peak();

    /** A probe that records nothing, for running a workload outside the runner. */
    Probe NONE = () -> { };
}
