package asyncbench.experiment.signal;

/** What a reader found in its pipe. */
enum Take {
    SEGMENT,
    EMPTY,
    CLOSED
}
