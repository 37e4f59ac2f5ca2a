package asyncbench.stats;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.result.Metric;
import asyncbench.result.CellResult;
import asyncbench.result.Status;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecisionTest {
    private static Metric forks(double... scores) {
        return Metric.ofForks(Arrays.stream(scores).mapToObj(v -> Metric.once(v, "x")).toList());
    }

    private static Optional<CellResult> cell(String model, Status status, Metric m) {
        return Optional.of(new CellResult(null, "e", model, "quick", Point.EMPTY, status, status == Status.OK ? null : "threads",
                null, m == null ? null : Map.of("rate", m), null, null, null, null, null, null));
    }

    private static Decision decide(Metric baseline, Metric model, boolean higherIsBetter) {
        return Decision.of("e", Map.of(), "rate", higherIsBetter, cell("a", Status.OK, baseline), cell("b", Status.OK, model));
    }

    @Test
    void theIntervalIsTheDeltaMethodOnTheLogRatioWithWelchDegreesOfFreedom() {
        // relative standard errors 5/105 and 10/210 are equal, so df = 2 and t(0.975, 2) = 4.303
        Decision d = decide(forks(100, 110), forks(200, 220), true);
        double half = 4.302652729911275 * Math.sqrt(2) * 5.0 / 105;
        assertEquals(2.0, d.ratio(), 1e-12);
        assertEquals(2.0 * Math.exp(-half), d.lower(), 1e-9);
        assertEquals(2.0 * Math.exp(half), d.upper(), 1e-9);
        assertEquals(Verdict.BETTER, d.verdict());
        assertTrue(d.figure().startsWith("x2.00 ["), d.figure());
    }

    @Test
    void aJvmWhoseFigureIsNotFiniteLeavesTheContrastUndecidedWithoutAnInterval() {
        // a JVM in whose windows nothing finished: its time per iteration would be infinite
        Decision d = decide(forks(3.6, Double.POSITIVE_INFINITY), forks(8.3, 8.1), false);
        assertEquals(Verdict.UNDECIDED, d.verdict());
        assertNull(d.lower());
        assertTrue(d.note().contains("not finite"), d.note());
    }

    @Test
    void lowerIsBetterTurnsTheRatioAround() {
        Decision d = decide(forks(100, 110), forks(200, 220), false);
        assertEquals(0.5, d.ratio(), 1e-12);
        assertEquals(Verdict.WORSE, d.verdict());
    }

    @Test
    void equalFiguresWithLittleSpreadAreTheSameWithinTenPercent() {
        Decision d = decide(forks(100, 101, 99, 100), forks(100, 99, 101, 100), true);
        assertEquals(Verdict.SAME, d.verdict());
        assertNull(d.forksNeeded());
    }

    @Test
    void aSmallDifferenceInsideTheBandIsTheSameNotAWin() {
        Decision d = decide(forks(100, 100.5, 99.5, 100), forks(103, 103.5, 102.5, 103), true);
        assertTrue(d.lower() > 1, "the interval excludes 1: " + d.figure());
        assertEquals(Verdict.SAME, d.verdict(), "but lies inside [0.9, 1.1]: " + d.figure());
    }

    @Test
    void aWideIntervalIsUndecidedAndSaysWhatWouldDecideIt() {
        Decision d = decide(forks(100, 130), forks(120, 160), true);
        assertEquals(Verdict.UNDECIDED, d.verdict());
        assertNotNull(d.forksNeeded(), d.sentence());
        assertTrue(d.forksNeeded() > 2 && d.forksNeeded() <= RatioInterval.MAX_FORKS, d.sentence());
        Decision hopeless = decide(forks(10, 1000), forks(11, 900), true);
        assertEquals(Verdict.UNDECIDED, hopeless.verdict());
        assertNull(hopeless.forksNeeded(), "a spread of 100x settles nothing in 20 JVMs");
        assertTrue(hopeless.sentence().contains("more than 20 JVMs"), hopeless.sentence());
    }

    @Test
    void moreJvmsGoWhereTheSpreadIsAndWhereTheyAreCheap() {
        Estimate wide = Estimate.ofForks(List.of(4000.0, 5000.0));
        Estimate narrow = Estimate.ofForks(List.of(3800.0, 3900.0));
        RatioInterval.Allocation a = RatioInterval.cheapest(wide, 2, true, narrow, 2, true, false).orElseThrow();
        assertTrue(a.baselineFirst(), "the wide side first: " + a);
        assertTrue(a.baseline() > a.model(), "the wide side gets most: " + a);
        assertEquals(2.0 * (a.baseline() + a.model()), a.seconds(), 1e-9);
        Estimate x = Estimate.ofForks(List.of(100.0, 130.0));
        Estimate y = Estimate.ofForks(List.of(150.0, 195.0));
        RatioInterval.Allocation even = RatioInterval.cheapest(x, 1, true, y, 1, true, true).orElseThrow();
        assertTrue(Math.abs(even.baseline() - even.model()) <= 1, "the same spread and cost: as many each: " + even);
        RatioInterval.Allocation pricey = RatioInterval.cheapest(x, 100, true, y, 1, true, true).orElseThrow();
        assertTrue(pricey.model() > pricey.baseline() && !pricey.baselineFirst(), "a side 100x dearer gets fewer: " + pricey);
        RatioInterval.Allocation shut = RatioInterval.cheapest(wide, 2, false, narrow, 2, true, false).orElse(null);
        if (shut != null) {
            assertEquals(0, shut.baseline(), "a closed side gets none");
            assertFalse(shut.baselineFirst());
        }
        assertTrue(RatioInterval.cheapest(Estimate.ofForks(List.of(10.0, 1000.0)), 1, true,
                Estimate.ofForks(List.of(11.0, 900.0)), 1, true, true).isEmpty(), "20 JVMs a side would not decide it");
        Estimate a1 = Estimate.ofForks(List.of(100.0, 101.0, 99.0));
        Estimate b1 = Estimate.ofForks(List.of(300.0, 301.0, 299.0));
        assertTrue(RatioInterval.cheapest(a1, 1, true, b1, 1, true, true).isEmpty(), "decided already: nothing to buy");
    }

    @Test
    void oneJvmHasNoInterval() {
        Decision d = decide(forks(100), forks(1000), true);
        assertEquals(Verdict.UNDECIDED, d.verdict(), "x10 from one JVM each is not decided");
        assertEquals(10.0, d.ratio(), 1e-12);
        assertNull(d.lower());
    }

    @Test
    void aLimitWhereTheOtherMeasuredLosesThePoint() {
        Decision lost = Decision.of("e", Map.of("waiters", "32768"), "rate", true, cell("platform", Status.LIMIT, null),
                cell("virtual", Status.OK, forks(5, 6)));
        assertEquals(Verdict.BETTER, lost.verdict());
        assertTrue(lost.sentence().contains("platform: limit (threads); virtual measured"), lost.sentence());
        Decision won = Decision.of("e", Map.of(), "rate", true, cell("platform", Status.OK, forks(5, 6)),
                cell("virtual", Status.TIMEOUT, null));
        assertEquals(Verdict.WORSE, won.verdict());
        Decision error = Decision.of("e", Map.of(), "rate", true, cell("platform", Status.OK, forks(5, 6)),
                cell("virtual", Status.ERROR, null));
        assertEquals(Verdict.NO_CONTEST, error.verdict(), "an error is a fault, not a result");
    }

    @Test
    void twoIdenticalModelsAreCalledDifferentAboutAsOftenAsTheConfidenceAllows() {
        // A/A: both sides drawn from one distribution (10% spread between JVMs), three JVMs each
        Random random = new Random(42);
        int trials = 4000;
        int called = 0;
        for (int i = 0; i < trials; i++) {
            double[] a = new double[3];
            double[] b = new double[3];
            for (int k = 0; k < 3; k++) {
                a[k] = 100 * (1 + 0.1 * random.nextGaussian());
                b[k] = 100 * (1 + 0.1 * random.nextGaussian());
            }
            Verdict v = decide(forks(a), forks(b), true).verdict();
            called += v == Verdict.BETTER || v == Verdict.WORSE ? 1 : 0;
        }
        double rate = (double) called / trials;
        assertTrue(rate > 0.02 && rate < 0.08, "A/A called better or worse in " + rate + " of contrasts at 95%");
    }

    @Test
    void summaryCountsPointsPerModel() {
        Decision better = decide(forks(100, 110), forks(200, 220), true);
        Decision same = decide(forks(100, 101, 99, 100), forks(100, 99, 101, 100), true);
        Decision open = decide(forks(100, 130), forks(120, 160), true);
        List<String> lines = Decisions.summary(List.of(better, same, open));
        assertEquals(List.of("b vs a: better at 1 of 3 points (x2.00), same within 10% at 1 (x1.00), undecided at 1 (x1.22)"), lines);
    }
}
