package asyncbench.result;

/**
 * What the runtime did during a cell, from JDK Flight Recorder: virtual threads pinned to their carrier
 * when they parked ({@code jdk.VirtualThreadPinned}, every one, however short), garbage collections with
 * their pauses ({@code jdk.GarbageCollection}), and safepoints ({@code jdk.SafepointBegin}).
 */
public record RuntimeEvents(long pinnedParks, long gcs, double gcPauseTotalMillis, double gcPauseMaxMillis,
        long safepoints) {
}
