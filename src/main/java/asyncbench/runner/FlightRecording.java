package asyncbench.runner;

import asyncbench.result.RuntimeEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording around one cell's workload, of a few events only (no sampling, no stack traces),
 * read back with {@code jdk.jfr.consumer} into {@link RuntimeEvents}.
 */
final class FlightRecording implements AutoCloseable {
    static final String PINNED = "jdk.VirtualThreadPinned";
    static final String GC = "jdk.GarbageCollection";
    static final String SAFEPOINT = "jdk.SafepointBegin";

    private final Recording recording = new Recording();

    private FlightRecording() {
        recording.enable(PINNED).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.enable(GC);
        recording.enable(SAFEPOINT).withoutStackTrace();
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
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                switch (e.getEventType().getName()) {
                    case PINNED -> pinned++;
                    case GC -> {
                        gcs++;
                        pauseTotal += millis(e.getDuration("sumOfPauses"));
                        pauseMax = Math.max(pauseMax, millis(e.getDuration("longestPause")));
                    }
                    case SAFEPOINT -> safepoints++;
                    default -> { }
                }
            }
            return new RuntimeEvents(pinned, gcs, pauseTotal, pauseMax, safepoints);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    @Override
    public void close() {
        recording.close();
    }
}
