package asyncbench.report;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncbench.experiment.Headline;
import asyncbench.result.Metric;
import asyncbench.experiment.Param;
import asyncbench.result.CellResult;
import asyncbench.result.LimitInfo;
import asyncbench.result.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tables, CSV and verdicts rendered from fixed results match the files under src/test/resources/golden,
 * in the root locale and in one that writes decimals with a comma: what people read does not depend on
 * the machine's locale. To accept a deliberate change, write the new output over the golden file (the
 * failure message says where it was written).
 */
class GoldenTest {
    private static final List<Param> PARAMS = List.of(
            Param.of("readers", "readers", List.of(32L), List.of(32L), List.of(32L)),
            Param.choice("counting", "counting", List.of("shared", "perReader"), List.of("shared"), List.of("shared"), List.of("shared")));

    private static ExperimentResults fixture() {
        List<CellResult> cells = new ArrayList<>();
        long[] readers = {32, 1024, 131072};
        for (int i = 0; i < readers.length; i++) {
            for (long counting : List.of(0L, 1L)) {
                java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
                params.put("readers", readers[i]);
                params.put("counting", counting == 0 ? "shared" : "perReader");
                double platform = 1_234_567.891 / (i + 1);
                double virtual = 2_345.678 * (i + 1) * (counting + 1);
                cells.add(i == 2 && counting == 1
                        ? new CellResult("g", "grid", "platform", "quick", Point.of(params), Status.LIMIT, "only 3000 fit, \"quoted\", with a comma",
                                new LimitInfo(3000, "kernel.pid_max", "only 3000 fit"), null, null, null, null, null, null, null)
                        : cell("platform", Point.of(params), platform, platform / 50));
                cells.add(cell("virtual", Point.of(params), virtual, counting == 0 ? virtual / 4 : null));
            }
        }
        return new ExperimentResults("grid", new Headline("rate", true), cells, List.of("platform", "virtual"), PARAMS);
    }

    private static CellResult cell(String model, Point params, double value, Double error) {
        Metric rate = error == null ? new Metric(value, null, "ops/s", List.of(value))
                : ReportFixtures.forks("ops/s", value - error / 3, value + error / 3);
        return new CellResult("g", "grid", model, "quick", params, Status.OK, null, null,
                Map.of("rate", rate), Map.of("ops", 7L), null, null, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "de-DE"})
    void renderedOutputIsTheGoldenOneInEveryLocale(String tag) throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(tag.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(tag));
        try {
            ExperimentResults r = fixture();
            assertGolden("grid-headline.md", Tables.headline(r));
            assertGolden("grid.csv", Tables.csv(r));
            assertGolden("grid-winners.txt", new Winners(r).verdict() + "\n");
            assertGolden("grid-contrast.txt", new Contrast(r, new Comparison("virtual", "platform")).verdict() + "\n");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static void assertGolden(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = GoldenTest.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path written = Files.createDirectories(Path.of("target", "golden")).resolve(name);
            Files.writeString(written, actual, StandardCharsets.UTF_8);
            assertEquals(expected, actual, name + " differs from src/test/resources/golden/" + name + "; this output is in " + written);
        }
    }
}
