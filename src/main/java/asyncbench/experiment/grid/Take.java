package asyncbench.experiment.grid;

/** What a reader found in its pipe. */
enum Take {
    SEGMENT,
    EMPTY,
    CLOSED
}
