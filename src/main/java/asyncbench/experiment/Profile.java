package asyncbench.experiment;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How big a run is: which parameter grid each experiment uses, and how long each cell measures. */
public enum Profile {
    /** A few cells, short windows, one JVM each: proves everything runs; decides nothing (one JVM has no interval). */
    SMOKE(new Measurement(1, 2, Duration.ofMillis(100)), Duration.ofSeconds(90), 1, Duration.ofMinutes(3)),
    /**
     * A small grid, each cell first in two JVMs of one warm-up and three measured 100 ms windows (after
     * each JVM's untimed fixed-work run), then more JVMs where a contrast is still open, within 15 minutes.
     */
    QUICK(new Measurement(1, 3, Duration.ofMillis(100)), Duration.ofSeconds(180), 2, Duration.ofMinutes(15)),
    /** The published grids, with long windows, each cell in three JVMs at least, within 3 hours. */
    FULL(new Measurement(3, 10, Duration.ofSeconds(1)), Duration.ofSeconds(900), 3, Duration.ofHours(3)),
    /**
     * The published grids under the original's protocol: 30 s of warm-up, then 60 s measured, in two JVMs
     * at least (the original ran once; two give an interval), within 12 hours.
     */
    PUBLISHED(new Measurement(3, 6, Duration.ofSeconds(10)), Duration.ofSeconds(1800), 2, Duration.ofHours(12));

    private final Measurement measurement;
    private final Duration cellTimeout;
    private final int forks;
    private final Duration budget;

    Profile(Measurement measurement, Duration cellTimeout, int forks, Duration budget) {
        this.measurement = measurement;
        this.cellTimeout = cellTimeout;
        this.forks = forks;
        this.budget = budget;
    }

    /**
     * How many JVMs each cell runs in at least, interleaved with the other models of its point; its
     * figures pool the JVMs, one score each.
     */
    public int forks() {
        return forks;
    }

    /**
     * How long a run may take: after every cell's minimum JVMs, the time left goes to more JVMs for the
     * contrasts still undecided.
     */
    public Duration budget() {
        return budget;
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
