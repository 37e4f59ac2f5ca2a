package asyncbench.experiment.dotnet.stack;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Young collections on demand, and what each one cost. Java has no call that collects only the young
 * generation: {@link #force} allocates short-lived garbage until the collector has made the number of
 * young collections asked for. Each collection's pauses, duration and the heap it left are read from
 * the JVM's own flight recorder ({@code jdk.GarbageCollection}, {@code jdk.GCHeapSummary}), never from
 * wall time around the allocation.
 */
final class YoungCollections {
    /** The collectors' names for a young collection, as the flight recorder and the MXBeans give them. */
    private static final List<String> YOUNG_EVENTS = List.of("G1New", "ParallelScavenge", "ZGC Minor");
    private static final List<String> YOUNG_BEANS = List.of("G1 Young Generation", "PS Scavenge", "ZGC Minor Cycles");
    private static final int GARBAGE_BYTES = 16 * 1024;
    /** Where garbage is kept for a moment, so the allocation cannot be optimised away. */
    private static final byte[][] RING = new byte[64][];

    /** One young collection: when it started, the sum of its pauses, its longest pause, its whole duration and the heap used after it. */
    record Collection(String name, Instant start, Duration pauses, Duration longestPause, Duration duration,
            long heapAfterBytes) {
        /** Whether it started between {@code from} and {@code to}. */
        boolean startedWithin(Instant from, Instant to) {
            return !start.isBefore(from) && !start.isAfter(to);
        }
    }

    private YoungCollections() {
    }

    /** Young collections so far, as the collector's MXBeans count them. */
    static long count() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (YOUNG_BEANS.contains(gc.getName())) {
                n += gc.getCollectionCount();
            }
        }
        return n;
    }

    /** Allocates garbage until {@code collections} more young collections have happened. */
    static void force(int collections, Duration timeout) throws TimeoutException {
        long target = count() + collections;
        long deadline = System.nanoTime() + timeout.toNanos();
        int i = 0;
        while (count() < target) {
            for (int k = 0; k < 64; k++) {
                RING[i++ & 63] = new byte[GARBAGE_BYTES];
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the collector made " + (collections - (target - count())) + " of "
                        + collections + " young collections in " + timeout.toSeconds() + " s");
            }
        }
    }

    /** Runs {@code work} under a flight recording and returns the young collections it made, in order. */
    static List<Collection> recorded(Work work) throws Exception {
        Path file = Files.createTempFile("asyncbench-gc", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.GarbageCollection");
            recording.enable("jdk.GCHeapSummary");
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            return read(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static List<Collection> read(Path file) throws IOException {
        Map<Long, Long> heapAfter = new HashMap<>();
        List<RecordedEvent> collections = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            switch (e.getEventType().getName()) {
                case "jdk.GCHeapSummary" -> {
                    if ("After GC".equals(e.getString("when"))) {
                        heapAfter.put(e.getLong("gcId"), e.getLong("heapUsed"));
                    }
                }
                case "jdk.GarbageCollection" -> {
                    seen.add(e.getString("name"));
                    if (YOUNG_EVENTS.contains(e.getString("name"))) {
                        collections.add(e);
                    }
                }
                default -> {
                    // not asked for
                }
            }
        }
        if (collections.isEmpty()) {
            throw new IllegalStateException("no young collection was recorded; collections seen: " + seen);
        }
        return collections.stream()
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .map(e -> new Collection(e.getString("name"), e.getStartTime(), e.getDuration("sumOfPauses"),
                        e.getDuration("longestPause"), e.getDuration(), heapAfter.getOrDefault(e.getLong("gcId"), -1L)))
                .toList();
    }
}
