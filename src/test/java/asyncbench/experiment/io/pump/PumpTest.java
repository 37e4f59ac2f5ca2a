package asyncbench.experiment.io.pump;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PumpTest {
    private final Pump pump = new Pump();

    private static Point point(long files, long fileKiB, long chunkKiB, String variant) {
        return point(files, fileKiB, chunkKiB, variant, "disk", "bounded");
    }

    private static Point point(long files, long fileKiB, long chunkKiB, String variant, String reads, String ioPool) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Pump.FILES, files);
        p.put(Pump.FILE_KIB, fileKiB);
        p.put(Pump.CHUNK_KIB, chunkKiB);
        p.put(Pump.WORK_MICROS, 5L);
        p.put(Pump.VARIANT, variant);
        p.put(Pump.READS, reads);
        p.put(Pump.IO_POOL, ioPool);
        return Point.of(p);
    }

    private static long pumpDirectories() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("asyncbench-pump-")).count();
        }
    }

    /** A file that is not a whole number of chunks: the last, short chunk is read and summed too, in every model and variant. */
    @Test
    void everyModelReadsEveryByteOfFilesWithAShortLastChunk() throws Exception {
        long before = pumpDirectories();
        for (String reads : Pump.READ_KINDS) {
            for (String variant : Pump.VARIANTS) {
                Map<String, Long> expected = null;
                for (Model model : pump.spec().models()) {
                    Point point = point(3, 100, 16, variant, reads, "bounded");
                    if (!pump.points(model, java.util.List.of(point)).isEmpty()) {
                        Map<String, Long> counts = pump.countOnce(model, point);
                        expected = expected == null ? counts : expected;
                        assertEquals(expected, counts, model + " " + variant + " " + reads);
                    }
                }
                // 100 KiB in 16 KiB chunks: 6 full and one of 4 KiB, per file, per pass
                assertEquals(3L * 3 * 7, expected.get(Pump.CHUNKS));
            }
        }
        assertEquals(before, pumpDirectories(), "the files are deleted after each run");
    }

    @Test
    void theTimedPassesRecordCpuAndTheIoPool() throws Exception {
        for (String ioPool : Pump.IO_POOLS) {
            Outcome outcome = pump.run(Model.FUTURE, point(4, 64, 16, "pump", "disk", ioPool),
                    new Measurement(0, 2, Duration.ofMillis(20)), Probe.NONE);
            assertEquals(2, outcome.metrics().get(Pump.MS_PER_PASS).samples().size());
            double peak = outcome.metrics().get(Pump.IO_POOL_PEAK).value();
            assertTrue(peak >= 1, ioPool + ": " + peak);
            if (ioPool.equals("bounded")) {
                assertTrue(peak <= Runtime.getRuntime().availableProcessors(), "a bounded pool stays at a thread a core: " + peak);
            }
            assertTrue(outcome.metrics().get(Pump.CPU_MS_PER_PASS).value() > 0);
        }
    }

    @Test
    void diskReadsTakeWholeBlocksOnly() {
        assertTrue(pump.reject(point(2, 6, 4, "pump", "disk", "bounded")).orElseThrow().contains("multiples of 4"));
        assertTrue(pump.reject(point(2, 6, 4, "pump", "pageCache", "bounded")).isEmpty());
    }

    /** A file system in memory (tmpfs) has no device to read from: reads=disk there is a limit of this machine, said in a sentence. */
    @Test
    void aFileSystemInMemoryCannotReadFromADisk() throws Exception {
        Path shm = Path.of("/dev/shm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && Files.getFileStore(shm).type().equals("tmpfs"), "no tmpfs at /dev/shm");
        var limit = org.junit.jupiter.api.Assertions.assertThrows(asyncbench.experiment.LimitReachedException.class,
                () -> new FileSet(shm, 1, 64 * 1024, 16 * 1024, true));
        assertTrue(limit.getMessage().contains("tmpfs") && limit.getMessage().contains("reads=pageCache"), limit.getMessage());
        try (Stream<Path> left = Files.list(shm)) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith("asyncbench-pump-")).count(), "nothing left behind");
        }
        try (FileSet cached = new FileSet(shm, 1, 64 * 1024, 16 * 1024, false)) {
            assertEquals(64 * 1024, cached.bytesPerFile());
        }
    }
}
