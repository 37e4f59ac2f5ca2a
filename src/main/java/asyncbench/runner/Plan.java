package asyncbench.runner;

import asyncbench.catalog.UsageException;
import asyncbench.catalog.Catalog;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Param;
import asyncbench.experiment.Profile;
import asyncbench.model.Model;
import asyncbench.result.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/**
 * What a run was asked to do, as given: experiments, profile, models (empty means every model each
 * experiment supports), parameter values that replace the profile's, and a cell timeout that
 * replaces the profile's (null: the profile's), and JVM options for every cell ({@code --jvm-arg}).
 * a time budget that replaces the profile's ({@code --budget}), and a name ({@code --name}).
 * Saved beside the results so that {@code --resume} can plan the same cells again.
 */
public record Plan(List<String> experiments, String profile, List<String> models, Map<String, List<Object>> params,
        Long cellTimeoutSeconds, Integer forks, Boolean flightRecorder, String shard, List<String> jvmArgs,
        Long budgetSeconds, String name) {

    public Plan(List<String> experiments, String profile, List<String> models, Map<String, List<Object>> params,
            Long cellTimeoutSeconds, Integer forks, Boolean flightRecorder, String shard, List<String> jvmArgs) {
        this(experiments, profile, models, params, cellTimeoutSeconds, forks, flightRecorder, shard, jvmArgs, null, null);
    }

    public Plan(List<String> experiments, String profile, List<String> models, Map<String, List<Object>> params,
            Long cellTimeoutSeconds, Integer forks, Boolean flightRecorder, String shard) {
        this(experiments, profile, models, params, cellTimeoutSeconds, forks, flightRecorder, shard, List.of());
    }

    public Plan(List<String> experiments, String profile, List<String> models, Map<String, List<Object>> params,
            Long cellTimeoutSeconds) {
        this(experiments, profile, models, params, cellTimeoutSeconds, null, null, null);
    }

    /** This plan without its shard: the plan every shard of one run shares. */
    public Plan whole() {
        return new Plan(experiments, profile, models, params, cellTimeoutSeconds, forks, flightRecorder, null, jvmArgs,
                budgetSeconds, name);
    }

    /** The shard as {K, N} (1 <= K <= N), or null for the whole plan. */
    private int[] shardNumbers() throws UsageException {
        if (shard == null) {
            return null;
        }
        String[] kn = shard.split("/", -1);
        try {
            int k = Integer.parseInt(kn[0].strip());
            int n = Integer.parseInt(kn[1].strip());
            if (kn.length == 2 && n >= 1 && n <= 10_000 && k >= 1 && k <= n) {
                return new int[] {k, n};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            // the message below says what is accepted
        }
        throw new UsageException("--shard must be K/N with 1 <= K <= N <= 10000 (this machine runs every N-th cell from the K-th), was '" + shard + "'");
    }

    /** Whether each cell's JVM records its runtime events with the flight recorder ({@code --jfr}). */
    public boolean records() {
        return Boolean.TRUE.equals(flightRecorder);
    }

    public Plan {
        experiments = List.copyOf(experiments);
        models = List.copyOf(models);
        Map<String, List<Object>> typed = new LinkedHashMap<>();
        // a plan read back from plan.json has its numbers as Integers: a count is a Long everywhere
        params.forEach((param, vs) -> typed.put(param, vs.stream()
                .map(v -> v instanceof Number n ? (Object) n.longValue() : v).toList()));
        params = java.util.Collections.unmodifiableMap(typed);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** How long the run may take: {@code --budget}, else the profile's; the minimum JVMs of every cell run whatever it is. */
    public Duration budget() {
        return budgetSeconds != null ? Duration.ofSeconds(budgetSeconds) : Profile.byId(profile).orElseThrow().budget();
    }

    /**
     * JVMs a cell of {@code experiment} runs in at least: {@code --forks}, else the experiment's own count
     * for the profile, else the profile's.
     */
    public int forkCount(Experiment experiment) {
        Profile p = Profile.byId(profile).orElseThrow();
        return forks != null ? forks : experiment.forks(p).orElse(p.forks());
    }

    /** How long a cell may run before it is killed. */
    public Duration cellTimeout() {
        return cellTimeoutSeconds != null ? Duration.ofSeconds(cellTimeoutSeconds)
                : Profile.byId(profile).orElseThrow().cellTimeout();
    }

    /** Checks every name and value against {@code catalog}; the message of a failure names the valid ones. */
    public void validate(Catalog catalog) throws UsageException {
        if (experiments.isEmpty()) {
            throw new UsageException("no experiment given; valid: " + String.join(", ", catalog.names()));
        }
        List<Experiment> chosen = new ArrayList<>();
        for (String name : experiments) {
            chosen.add(catalog.byName(name).orElseThrow(() -> new UsageException(
                    "unknown experiment '" + name + "'; valid: " + String.join(", ", catalog.names()))));
        }
        if (forks != null && (forks < 1 || forks > 20)) {
            throw new UsageException("--forks must be between 1 and 20, was " + forks);
        }
        if (budgetSeconds != null && (budgetSeconds < 0 || budgetSeconds > 7 * 24 * 3600)) {
            throw new UsageException("--budget must be between 0 and 7 days, e.g. 15m, 90s or 2h, was " + budgetSeconds + " s");
        }
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new UsageException("--name must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit, was '" + name + "'");
        }
        if (name != null && java.util.Set.of("latest", "previous").contains(name)) {
            throw new UsageException("--name cannot be 'latest' or 'previous': those address the newest runs");
        }
        if (cellTimeoutSeconds != null && cellTimeoutSeconds <= 0) {
            throw new UsageException("--cell-timeout must be a positive number of seconds, was " + cellTimeoutSeconds);
        }
        shardNumbers();
        if (Profile.byId(profile).isEmpty()) {
            throw new UsageException("unknown profile '" + profile + "'; valid: " + String.join(", ", Profile.ids()));
        }
        for (String id : models) {
            Model model = Model.byId(id).orElseThrow(() -> new UsageException(
                    "unknown model '" + id + "'; valid: " + String.join(", ", Model.ids())));
            if (chosen.stream().noneMatch(e -> e.spec().models().contains(model))) {
                throw new UsageException("model '" + id + "' is not supported by " + String.join(", ", experiments)
                        + "; supported: " + String.join(", ", supported(chosen)));
            }
        }
        Map<String, Param> known = new LinkedHashMap<>();
        chosen.forEach(e -> e.spec().params().forEach(p -> known.putIfAbsent(p.name(), p)));
        for (Map.Entry<String, List<Object>> e : params.entrySet()) {
            Param param = known.get(e.getKey());
            if (param == null) {
                throw new UsageException("unknown parameter '" + e.getKey() + "' for " + String.join(", ", experiments)
                        + "; valid: " + (known.isEmpty() ? "none" : String.join(", ", known.keySet())));
            }
            if (e.getValue().isEmpty()) {
                throw new UsageException("no values for parameter '" + e.getKey() + "'");
            }
            for (Object v : e.getValue()) {
                Optional<String> broken = param.check(v);
                if (broken.isPresent()) {
                    throw new UsageException(broken.get());
                }
            }
        }
    }

    /** The cells, experiment by experiment, model by model, then the outer product of parameter values. */
    public List<CellSpec> cells(Catalog catalog) throws UsageException {
        return cells(catalog, Host.memTotalBytes());
    }

    /**
     * The cells, refusing before any runs a point the experiment rejects or a cell whose heap does not
     * fit in {@code memoryBytes} (unknown when not positive).
     */
    List<CellSpec> cells(Catalog catalog, long memoryBytes) throws UsageException {
        validate(catalog);
        Profile p = Profile.byId(profile).orElseThrow();
        List<CellSpec> cells = new ArrayList<>();
        for (String name : experiments) {
            Experiment experiment = catalog.byName(name).orElseThrow();
            List<Point> points = points(experiment, p);
            for (Point point : points) {
                Optional<String> rejected = experiment.reject(point);
                if (rejected.isPresent()) {
                    throw new UsageException(name + " cannot run at " + point + ": " + rejected.get());
                }
            }
            for (Model model : experiment.spec().models()) {
                if (!models.isEmpty() && !models.contains(model.id())) {
                    continue;
                }
                List<Point> runnable = model.external() ? originals(experiment, model, points, true) : experiment.points(model, points);
                for (Point point : runnable) {
                    requireHeapFits(experiment, model, point, memoryBytes);
                    cells.add(new CellSpec(name, model, point, p));
                }
            }
        }
        int[] kn = shardNumbers();
        if (kn == null) {
            return cells;
        }
        List<CellSpec> mine = new ArrayList<>();
        for (int i = kn[0] - 1; i < cells.size(); i += kn[1]) {
            mine.add(cells.get(i));
        }
        return mine;
    }

    /** The points where {@code model}, outside the JVM, has an original: built here, or ({@code built} false) not. */
    private static List<Point> originals(Experiment experiment, Model model, List<Point> points, boolean built) {
        return points.stream().filter(p -> experiment.original(model, p)
                .filter(o -> asyncbench.external.Anchors.present(o.program()) == built).isPresent()).toList();
    }

    /**
     * The sentence saying which originals the plan leaves out because their programs are not built
     * here, and how to build them; empty when none is left out.
     */
    public Optional<String> absentOriginals(Catalog catalog) throws UsageException {
        validate(catalog);
        Profile p = Profile.byId(profile).orElseThrow();
        Set<String> absent = new LinkedHashSet<>();
        for (String name : experiments) {
            Experiment experiment = catalog.byName(name).orElseThrow();
            List<Point> points = points(experiment, p);
            experiment.spec().models().stream()
                    .filter(m -> m.external() && (models.isEmpty() || models.contains(m.id())))
                    .filter(m -> !originals(experiment, m, points, false).isEmpty())
                    .forEach(m -> absent.add(m.id()));
        }
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", absent) + (absent.size() == 1 ? " is" : " are") + " skipped: the Rust originals are not built in "
                + asyncbench.external.Anchors.directory().toAbsolutePath().normalize() + "; " + asyncbench.external.Anchors.HOW_TO_BUILD + ".");
    }

    /** A cell may take at most this share of the machine's memory for its heap. */
    static final double HEAP_SHARE = 0.75;

    private static void requireHeapFits(Experiment e, Model model, Point point, long memoryBytes)
            throws UsageException {
        if (memoryBytes <= 0) {
            return;
        }
        long limitMegabytes = (long) (memoryBytes * HEAP_SHARE / (1 << 20));
        long needed = e.heapMegabytes(model, point);
        if (needed <= limitMegabytes) {
            return;
        }
        // name what fits: the largest power of two of the first count whose lowering is enough
        for (Map.Entry<String, Object> param : point.values().entrySet()) {
            if (!(param.getValue() instanceof Long value)) {
                continue;
            }
            for (long v = Long.highestOneBit(value); v >= 1; v /= 2) {
                Point lower = point.with(param.getKey(), v);
                if (v < value && e.heapMegabytes(model, lower) <= limitMegabytes) {
                    throw new UsageException(e.name() + " " + model + " at " + point + " needs a " + needed
                            + " MiB heap, more than the " + limitMegabytes + " MiB (" + Math.round(HEAP_SHARE * 100)
                            + "% of this machine's memory) a cell may take; at most " + param.getKey() + "=" + v + " fits");
                }
            }
        }
        throw new UsageException(e.name() + " " + model + " at " + point + " needs a " + needed + " MiB heap, more than the "
                + limitMegabytes + " MiB a cell may take on this machine");
    }

    private List<Point> points(Experiment experiment, Profile p) {
        List<Point> points = List.of(Point.EMPTY);
        for (Param param : experiment.spec().params()) {
            List<Object> values = params.getOrDefault(param.name(), param.values(p));
            List<Point> next = new ArrayList<>();
            for (Point point : points) {
                for (Object v : values) {
                    next.add(point.with(param.name(), v));
                }
            }
            points = next;
        }
        return points;
    }

    private static List<String> supported(List<Experiment> experiments) {
        Set<String> ids = new LinkedHashSet<>();
        experiments.forEach(e -> e.spec().models().forEach(m -> ids.add(m.id())));
        return List.copyOf(ids);
    }
}
