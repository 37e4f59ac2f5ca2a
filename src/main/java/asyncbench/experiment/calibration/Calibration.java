package asyncbench.experiment.calibration;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.Spin;
import asyncbench.experiment.Windows;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.Style;
import asyncbench.stats.Decision;
import asyncbench.stats.RatioInterval;
import asyncbench.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A self-test of the lab's statistics: a workload whose true cost ratio is known, measured exactly as
 * every other experiment (forked JVMs, windows, interleaved rounds, the budget). One platform thread
 * spins operations of {@link #BASE_ROUNDS} rounds of xorshift arithmetic; the models are only labels of
 * three arms: {@code platform} and {@code virtual1} do the same work (an A/A pair: any verdict but the
 * same or undecided is a false call), {@code virtual} does {@code plantedPercent} percent of it per
 * operation (a planted difference of plantedPercent / 100 that the run should find, {@code virtual}
 * worse). Setup and the JVM's start are left out; the windows count operations.
 */
public final class Calibration implements Experiment {
    public static final String NAME = "calibration";
    public static final String PLANTED = "plantedPercent";
    public static final String OPERATIONS_PER_SECOND = "operationsPerSecond";
    /** The arm whose work is planted; the other two are the A/A pair. */
    public static final Model PLANTED_ARM = Model.VIRTUAL;
    /** Rounds of {@link Spin} in one operation of the base arms: about 25 us here. */
    static final long BASE_ROUNDS = 100;
    private static final int COUNTED_OPERATIONS = 200;

    private static final Spec SPEC = Spec.of(NAME, "known cost ratios measured as every experiment is: two identical arms (platform, virtual1: A/A) and one doing plantedPercent% of their work per operation (virtual); operations/s, model names are only labels here",
            new Origin("Nothing published: the lab's own test of its statistics, as proposed by Kalibera and Jones (2013): "
                + "a planted difference the run must find, and an A/A contrast it must not call.",
                "The planted ratio itself: virtual does plantedPercent / 100 times the work of platform per operation, "
                        + "so its operations/s should be 100 / plantedPercent of platform's; virtual1 does platform's work exactly."),
            List.of(Style.THREADS),
            List.of(Param.of(PLANTED, "the planted arm's work per operation, in percent of the base arms'", 100, 1000,
                List.of(120L), List.of(100L, 105L, 120L), List.of(100L, 102L, 105L, 110L, 120L))),
            new Headline(OPERATIONS_PER_SECOND, true))
            .withModels(List.of(Model.PLATFORM, PLANTED_ARM, Model.VIRTUAL_ONE_CARRIER));

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 64;
    }

    /** Rounds per operation of {@code model}'s arm at {@code point}. */
    static long roundsPerOperation(Model model, Point point) {
        return model == PLANTED_ARM ? BASE_ROUNDS * point.count(PLANTED) / 100 : BASE_ROUNDS;
    }

    /**
     * Runs a fixed number of operations and checks, by replaying the arithmetic in one call, that each
     * did its arm's rounds: an arm that skipped rounds would end on another value.
     */
    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws WorkMismatchException {
        long rounds = roundsPerOperation(model, point);
        long x = 1;
        for (int i = 0; i < COUNTED_OPERATIONS; i++) {
            x = Spin.rounds(x, rounds);
        }
        long replay = Spin.rounds(1, rounds * COUNTED_OPERATIONS);
        WorkMismatchException.requireEqual("the replayed state after " + rounds * COUNTED_OPERATIONS + " rounds", replay,
                "the operations' state", x);
        return Map.of("operations", (long) COUNTED_OPERATIONS);
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        long rounds = roundsPerOperation(model, point);
        AtomicLong operations = new AtomicLong();
        AtomicLong roundsDone = new AtomicLong();
        AtomicLong sink = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().name("calibration-arm").start(() -> {
            long x = 1;
            while (!stop.get()) {
                x = Spin.rounds(x, rounds);
                roundsDone.addAndGet(rounds);
                operations.incrementAndGet();
            }
            sink.set(x);
        });
        Metric rate;
        try {
            rate = Windows.ratePerSecond(measurement, operations::get, "operations/s");
        } finally {
            stop.set(true);
            worker.join();
        }
        probe.peak();
        long ops = operations.get();
        WorkMismatchException.requireEqual("rounds of " + ops + " operations", ops * rounds, "rounds done", roundsDone.get());
        return new Outcome(Map.of(OPERATIONS_PER_SECOND, rate),
                Map.of("operations", ops, "roundsPerOperation", rounds, "finalStateNonZero", sink.get() != 0 ? 1L : 0L));
    }

    /**
     * What the calibration decided in a run, in one sentence: each planted difference's verdict and whether
     * it is right about the true ratio (100 / plantedPercent: worse is right below 1, the same within 10% is
     * right for x1.05), the smallest found worse, and how many A/A contrasts it called better or worse
     * (the target is none); empty when the run has no calibration contrasts.
     */
    public static java.util.Optional<String> verdict(List<Decision> decisions) {
        List<Decision> mine = decisions.stream().filter(d -> d.experiment().equals(NAME) && d.verdict() != Verdict.NO_CONTEST).toList();
        if (mine.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Decision> aa = mine.stream().filter(d -> !planted(d)).toList();
        List<String> found = new ArrayList<>();
        Long smallest = null;
        for (Decision d : mine.stream().filter(Calibration::planted).sorted(java.util.Comparator.comparingLong(Calibration::percent)).toList()) {
            double truth = 100.0 / percent(d);
            boolean right = switch (d.verdict()) {
                case WORSE -> truth < 1;
                case BETTER -> truth > 1;
                case SAME -> truth >= RatioInterval.SAME_LOW && truth <= RatioInterval.SAME_HIGH;
                default -> true;
            };
            String state = d.verdict() == Verdict.UNDECIDED ? "undecided" : d.verdict().id() + (right ? " (right)" : " (WRONG)");
            found.add(String.format(java.util.Locale.ROOT, "x%.2f %s: %s", percent(d) / 100.0, state, d.figure()));
            if (d.verdict() == Verdict.WORSE && smallest == null) {
                smallest = percent(d);
            }
        }
        long wrong = aa.stream().filter(d -> d.verdict() == Verdict.BETTER || d.verdict() == Verdict.WORSE).count();
        long same = aa.stream().filter(d -> d.verdict() == Verdict.SAME).count();
        StringBuilder s = new StringBuilder("Calibration (this machine, this run): ");
        if (!found.isEmpty()) {
            s.append("planted differences ").append(String.join(", ", found)).append("; ")
                    .append(smallest == null ? "none found worse" : String.format(java.util.Locale.ROOT, "the smallest found worse x%.2f", smallest / 100.0))
                    .append("; ");
        }
        s.append("A/A contrasts called better or worse: ").append(wrong).append(" of ").append(aa.size())
                .append(" (the same within 10%: ").append(same).append(", undecided: ").append(aa.size() - wrong - same).append(").");
        return java.util.Optional.of(s.toString());
    }

    private static boolean planted(Decision d) {
        return d.model().equals(PLANTED_ARM.id()) && percent(d) != 100;
    }

    private static long percent(Decision d) {
        return Long.parseLong(d.point().get(PLANTED));
    }
}
