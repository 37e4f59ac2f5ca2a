package asyncbench.result;

/**
 * What a cell's JVM used. Memory and threads are read at the cell's peak, all its waiters alive;
 * CPU, context switches (all threads, from getrusage) and GC cover the whole run of the workload;
 * {@code runtime}, what the flight recorder saw over it, when the run asked for it ({@code run --jfr}).
 */
public record Resources(
        long rssBytes, long peakRssBytes, long heapUsedAfterGcBytes, long threads,
        long voluntarySwitches, long involuntarySwitches, double cpuUserSeconds, double cpuSystemSeconds,
        long gcCount, long gcMillis, RuntimeEvents runtime) {
}
