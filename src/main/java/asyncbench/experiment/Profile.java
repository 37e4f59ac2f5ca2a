package asyncbench.experiment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How big a run is: which parameter grid each experiment uses, and how long each cell measures. */
public enum Profile {
    /** A few cells, short windows, one JVM each: proves everything runs. */
    SMOKE(new Measurement(1, 3, Duration.ofMillis(100)), Duration.ofSeconds(90), 1),
    /**
     * A small grid with enough windows for an error bar, each cell in two JVMs; 250 ms windows, as the
     * .NET originals count, one of them warm-up (after each cell's untimed fixed-work run).
     */
    QUICK(new Measurement(1, 3, Duration.ofMillis(250)), Duration.ofSeconds(180), 2),
    /** The published grids, with long windows, each cell in three JVMs. */
    FULL(new Measurement(3, 10, Duration.ofSeconds(1)), Duration.ofSeconds(900), 3),
    /** The published grids under the original's protocol: 30 s of warm-up, then 60 s measured, once per cell. */
    PUBLISHED(new Measurement(3, 6, Duration.ofSeconds(10)), Duration.ofSeconds(1800), 1);

    private final Measurement measurement;
    private final Duration cellTimeout;
    private final int forks;

    Profile(Measurement measurement, Duration cellTimeout, int forks) {
        this.measurement = measurement;
        this.cellTimeout = cellTimeout;
        this.forks = forks;
    }

    /** How many JVMs each cell runs in, one after another; its figures pool the windows of all. */
    public int forks() {
        return forks;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Measurement measurement() {
        return measurement;
    }

    /** A cell still running after this is killed and recorded as a timeout. */
    public Duration cellTimeout() {
        return cellTimeout;
    }

    public static Optional<Profile> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Profile::id).toList();
    }
}
