package asyncbench.result;

/**
 * What the runtime did during a cell, from JDK Flight Recorder: virtual threads pinned to their carrier
 * when they parked ({@code jdk.VirtualThreadPinned}, every one, however short), garbage collections with
 * their pauses ({@code jdk.GarbageCollection}), safepoints ({@code jdk.SafepointBegin}), and the carrier
 * threads of the virtual-thread scheduler started ({@code jdk.ThreadStart} in the carriers' thread group):
 * more than its parallelism means the scheduler added carriers to make up for blocked ones (or
 * replaced carriers that had idled out).
 */
public record RuntimeEvents(long pinnedParks, long gcs, double gcPauseTotalMillis, double gcPauseMaxMillis,
        long safepoints, long carriersStarted, int carrierParallelism) {

    /** Carriers started beyond the scheduler's parallelism: its compensation for blocked carriers. */
    public long carriersAdded() {
        return Math.max(0, carriersStarted - carrierParallelism);
    }
}
