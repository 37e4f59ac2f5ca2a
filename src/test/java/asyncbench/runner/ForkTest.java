package asyncbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.Profile;
import asyncbench.model.Model;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell's JVM runs G1 unless its experiment chooses a collector for it. */
class ForkTest {
    private final Fork fork = new Fork(TestCatalog.class.getName(), Duration.ofSeconds(10));
    private final CellSpec spec = new CellSpec("x", Model.VIRTUAL, asyncbench.result.Point.EMPTY, Profile.SMOKE);

    @Test
    void g1ByDefault() {
        assertTrue(fork.command(spec, 64, List.of(), List.of()).contains("-XX:+UseG1GC"));
    }

    @Test
    void anExperimentsCollectorReplacesG1() {
        List<String> cmd = fork.command(spec, 64, List.of("-XX:+UseZGC"), List.of());
        assertFalse(cmd.contains("-XX:+UseG1GC"));
        assertEquals(1, cmd.stream().filter(f -> f.startsWith("-XX:+Use") && f.endsWith("GC")).count());
    }

    @Test
    void theRunsOptionsComeFirstAndAnExperimentsCollectorWins() {
        assertEquals(List.of("-XX:+UseZGC", "-Dx=1"), Fork.flags(List.of("-XX:+UseZGC"), List.of("-Dx=1")));
        assertEquals(List.of("-Xss2m", "-XX:+UseParallelGC"), Fork.flags(List.of("-XX:+UseZGC", "-Xss2m"), List.of("-XX:+UseParallelGC")),
                "suspended-gc's gc parameter chooses the collector of its cells");
    }

    @Test
    void aLauncherComesBeforeTheJvm() {
        List<String> cmd = fork.command(spec, 64, List.of(), List.of("taskset", "-c", "0"));
        assertEquals(List.of("taskset", "-c", "0"), cmd.subList(0, 3));
        assertTrue(cmd.get(3).endsWith("java"));
    }
}
