package asyncbench.experiment.forum.responsiveness;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Probe;
import asyncbench.model.Model;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.Test;

class ResponsivenessTest {
    private final Responsiveness responsiveness = new Responsiveness();

    private static Point point(long jobs, long yieldMicros, String requests) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(Responsiveness.JOBS, jobs);
        p.put(Responsiveness.JOB_MILLIS, 5L);
        p.put(Responsiveness.YIELD_MICROS, yieldMicros);
        p.put(Responsiveness.INTERVAL_MICROS, 1_000L);
        p.put(Responsiveness.REQUESTS, requests);
        return Point.of(p);
    }

    /** With requests on a thread of their own no model can starve them: every request is answered with its own number. */
    @Test
    void everyModelAnswersEveryRequestBesideTheJobs() throws Exception {
        for (Model model : responsiveness.spec().models()) {
            Map<String, Long> counts = responsiveness.countOnce(model, point(4, 0, "separate"));
            assertEquals(Map.of(Responsiveness.SENT, 20L, Responsiveness.ANSWERED, 20L, Responsiveness.ANSWER_SUM, 210L), counts,
                    model.id());
        }
    }

    @Test
    void theLatencyIsRecordedPerWindowWithItsPercentiles() throws Exception {
        Outcome outcome = responsiveness.run(Model.PLATFORM, point(1, 100, "shared"),
                new Measurement(1, 3, Duration.ofMillis(100)), Probe.NONE);
        for (String metric : asyncbench.experiment.LatencyWindows.metrics()) {
            Metric m = outcome.metrics().get(metric);
            if (m == null && metric.equals(asyncbench.experiment.LatencyWindows.P999)) {
                continue; // windows of fewer than 1,000 requests have no p99.9 but their maximum
            }
            assertEquals(3, m.samples().size(), metric);
            assertTrue(m.value() >= 1, metric);
        }
        Metric p50 = outcome.metrics().get(Responsiveness.P50);
        Metric max = outcome.metrics().get(asyncbench.experiment.LatencyWindows.MAX);
        assertTrue(max.value() >= p50.value());
        assertTrue(outcome.metrics().get(Responsiveness.JOBS_PER_SECOND).value() > 0);
    }

    /** A request that is never answered ends the client with a limit reached, not a hang or a crash. */
    @Test
    void aStarvedRequestIsALimitReached() {
        Service never = new Service() {
            @Override
            public CompletableFuture<Long> request(long n) {
                return new CompletableFuture<>();
            }

            @Override
            public long jobsFinished() {
                return 0;
            }

            @Override
            public long slicesRun() {
                return 0;
            }

            @Override
            public long yieldsMade() {
                return 0;
            }

            @Override
            public java.util.Optional<String> wrongJob() {
                return java.util.Optional.empty();
            }

            @Override
            public void close() {
            }
        };
        Responsiveness.Client client = new Responsiveness.Client(never, 1_000, 10, new Recorder(3));
        client.run();
        LimitReachedException e = assertThrows(LimitReachedException.class, client::verify);
        assertEquals("starvation", e.limit());
        assertEquals(-1, e.reached());
        assertTrue(e.getMessage().contains("request 1 had no answer"), e.getMessage());
    }

    @Test
    void aSeparateRequestThreadIsOnlyTriedWhereJobsNeverYield() {
        List<Point> grid = List.of(point(4, 0, "shared"), point(4, 0, "separate"), point(4, 100, "shared"),
                point(4, 100, "separate"));
        assertEquals(grid.subList(0, 3), responsiveness.points(Model.VIRTUAL, grid));
    }

    /** A job checked at its end: all its slices, a yield between each two, its whole computation; anything less is named. */
    @Test
    void aJobThatSkippedAYieldOrASliceIsCaught() {
        Services.Shape shape = new Services.Shape(1, 2_000_000, 200_000, false);
        Services.Base service = new Services.Base(shape) {
            @Override
            void startJob() {
            }

            @Override
            CompletableFuture<Long> handle(long n) {
                return CompletableFuture.completedFuture(n);
            }
        };
        service.startJobs();
        Job honest = service.newJob();
        while (!honest.runSlice()) {
            honest.yielded();
        }
        service.jobEnded(honest);
        assertTrue(service.wrongJob().isEmpty(), "a job that yielded between its slices passes");
        assertEquals(honest.expectedSlices(), service.slicesRun());
        assertEquals(honest.expectedSlices() - 1, service.yieldsMade());
        assertTrue(honest.expectedSlices() > 1, "the job has slices to yield between");

        Job greedy = service.newJob();
        while (!greedy.runSlice()) {
            // no yield
        }
        service.jobEnded(greedy);
        assertTrue(service.wrongJob().orElseThrow().contains("yields between them"), service.wrongJob().orElseThrow());
    }
}
