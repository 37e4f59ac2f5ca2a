package asyncbench.experiment.dotnet.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JIT's own record of its inlining decisions in this JVM: the flight recorder's
 * {@code jdk.CompilerInlining} events, one per call site a compiler considered, each saying whether the
 * callee was inlined. Recorded from {@link #start} to {@link #close}; {@link #decisions}
 * reads what was recorded so far.
 */
final class InliningRecord implements AutoCloseable {
    private static final String EVENT = "jdk.CompilerInlining";
    private final Recording recording = new Recording();

    private InliningRecord() {
        recording.enable(EVENT);
        recording.start();
    }

    static InliningRecord start() {
        return new InliningRecord();
    }

    /** How often a compiler inlined calls to a method named {@code callee}, and how often it refused to. */
    record Decisions(long inlined, long refused) {
    }

    Decisions decisions(String callee) throws IOException {
        Path file = Files.createTempFile("asyncbench-inlining-", ".jfr");
        try {
            recording.dump(file);
            long inlined = 0;
            long refused = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                RecordedObject method = event.getValue("callee");
                if (event.getEventType().getName().equals(EVENT) && method != null && callee.equals(method.getString("name"))) {
                    if (event.getBoolean("succeeded")) {
                        inlined++;
                    } else {
                        refused++;
                    }
                }
            }
            return new Decisions(inlined, refused);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        recording.close();
    }
}
