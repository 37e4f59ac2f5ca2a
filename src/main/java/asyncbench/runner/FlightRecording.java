package asyncbench.runner;

import asyncbench.result.RuntimeEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording around one cell's workload, of a few events only (no sampling, no stack traces),
 * read back with {@code jdk.jfr.consumer} into {@link RuntimeEvents}. Every platform thread started is
 * an event: a cell that starts many threads pays a little for the recording.
 */
final class FlightRecording implements AutoCloseable {
    static final String PINNED = "jdk.VirtualThreadPinned";
    static final String GC = "jdk.GarbageCollection";
    static final String SAFEPOINT = "jdk.SafepointBegin";
    static final String THREAD_START = "jdk.ThreadStart";
    /** The thread group of the virtual-thread scheduler's carriers (and of its delay scheduler). */
    private static final String CARRIERS = "CarrierThreads";

    private final Recording recording = new Recording();

    private FlightRecording() {
        recording.enable(PINNED).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.enable(GC);
        recording.enable(SAFEPOINT).withoutStackTrace();
        recording.enable(THREAD_START).withoutStackTrace();
        recording.setToDisk(true);
    }

    static FlightRecording start() {
        FlightRecording r = new FlightRecording();
        r.recording.start();
        return r;
    }

    /** Stops the recording and counts its events. */
    RuntimeEvents stop() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("asyncbench-cell-", ".jfr");
        try {
            recording.dump(file);
            long pinned = 0;
            long gcs = 0;
            double pauseTotal = 0;
            double pauseMax = 0;
            long safepoints = 0;
            long carriers = 0;
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent e = events.readEvent();
                    switch (e.getEventType().getName()) {
                        case PINNED -> pinned++;
                        case GC -> {
                            gcs++;
                            pauseTotal += millis(e.getDuration("sumOfPauses"));
                            pauseMax = Math.max(pauseMax, millis(e.getDuration("longestPause")));
                        }
                        case SAFEPOINT -> safepoints++;
                        case THREAD_START -> carriers += carrier(e.getThread("thread")) ? 1 : 0;
                        default -> { }
                    }
                }
            }
            return new RuntimeEvents(pinned, gcs, pauseTotal, pauseMax, safepoints, carriers,
                    Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors()));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean carrier(RecordedThread t) {
        return t != null && t.getThreadGroup() != null && CARRIERS.equals(t.getThreadGroup().getName())
                && String.valueOf(t.getJavaName()).contains("-worker-");
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    @Override
    public void close() {
        recording.close();
    }
}
