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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Pump.FILES, files);
        p.put(Pump.FILE_KIB, fileKiB);
        p.put(Pump.CHUNK_KIB, chunkKiB);
        p.put(Pump.WORK_MICROS, 5L);
        p.put(Pump.VARIANT, variant);
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
        for (String variant : Pump.VARIANTS) {
            Map<String, Long> expected = null;
            for (Model model : pump.spec().models()) {
                if (!pump.points(model, java.util.List.of(point(3, 100, 16, variant))).isEmpty()) {
                    Map<String, Long> counts = pump.countOnce(model, point(3, 100, 16, variant));
                    expected = expected == null ? counts : expected;
                    assertEquals(expected, counts, model + " " + variant);
                }
            }
            // 100 KiB in 16 KiB chunks: 6 full and one of 4 KiB, per file, per pass
            assertEquals(3L * 3 * 7, expected.get(Pump.CHUNKS));
        }
        assertEquals(before, pumpDirectories(), "the files are deleted after each run");
    }

    @Test
    void theTimedPassesRecordCpuAndTheIoPool() throws Exception {
        Outcome outcome = pump.run(Model.FUTURE, point(2, 64, 16, "pump"), new Measurement(0, 2, Duration.ofMillis(20)), Probe.NONE);
        assertEquals(2, outcome.metrics().get(Pump.MS_PER_PASS).samples().size());
        assertTrue(outcome.metrics().get(Pump.IO_POOL_PEAK).value() >= 1);
        assertTrue(outcome.metrics().get(Pump.CPU_MS_PER_PASS).value() > 0);
    }
}
