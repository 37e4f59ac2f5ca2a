package asyncbench.experiment.forum.responsiveness;

import asyncbench.experiment.Spec;
import asyncbench.result.Point;
import asyncbench.experiment.Origin;
import asyncbench.experiment.Chart;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.Headline;
import asyncbench.experiment.LatencyWindows;
import asyncbench.experiment.LimitReachedException;
import asyncbench.experiment.Measurement;
import asyncbench.result.Metric;
import asyncbench.experiment.Outcome;
import asyncbench.experiment.Param;
import asyncbench.experiment.Probe;
import asyncbench.experiment.WorkMismatchException;
import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import asyncbench.model.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Responsiveness under mixed load: {@code jobs} long CPU-bound jobs ({@code jobMillis} each, yielding
 * every {@code yieldMicros}, or never) run all the time, each followed by a new one, while one client
 * sends a tiny request every {@code intervalMicros} and waits for its answer. Each request is a new
 * task of the model's runtime (or, with {@code requests=separate}, of one platform thread of its own:
 * the fix for a starved cooperative executor). The latency of every request is recorded in an
 * HdrHistogram corrected for coordinated omission ({@code recordValueWithExpectedInterval}); the
 * figures are its percentiles per window. Every request must be answered with its own number.
 */
public final class Responsiveness implements Experiment {
    public static final String JOBS = "jobs";
    public static final String JOB_MILLIS = "jobMillis";
    public static final String YIELD_MICROS = "yieldMicros";
    public static final String INTERVAL_MICROS = "intervalMicros";
    public static final String REQUESTS = "requests";
    public static final List<String> REQUEST_PLACES = List.of("shared", "separate");
    public static final String P50 = LatencyWindows.P50;
    public static final String P99 = LatencyWindows.P99;
    public static final String JOBS_PER_SECOND = "jobsPerSecond";
    public static final String SENT = "requestsSent";
    public static final String ANSWERED = "requestsAnswered";
    public static final String ANSWER_SUM = "sumOfAnswers";
    public static final String JOBS_FINISHED = "jobsFinished";
    public static final String SLICES = "jobSlices";
    public static final String YIELDS = "jobYields";
    private static final long COUNTED_REQUESTS = 20;
    /** A request unanswered this long is starved: the cell ends as a limit reached. */
    static final long STALL_SECONDS = 3;
    private static final Set<Model> MODELS = Set.of(Model.PLATFORM, Model.VIRTUAL, Model.VIRTUAL_ONE_CARRIER, Model.FUTURE_POOL,
            Model.EVENT_LOOP, Model.COROUTINE);

    private static final Spec SPEC = Spec.of("responsiveness", "tiny requests at a fixed rate beside long CPU-bound jobs; request latency percentiles (HdrHistogram, coordinated omission corrected)",
            new Origin("The discussion \"When/why is async good for performance?\": tiny requests answered beside long CPU-bound "
                + "jobs, which starve a cooperative executor unless they yield.",
                "A claim, not a figure: preemptive threads keep latency low without yield points; a task that never yields "
                + "starves a cooperative executor."),
            List.of(Style.THREADS, Style.CALLBACK, Style.EVENT_LOOP, Style.COROUTINES),
            List.of(
                Param.of(JOBS, "long CPU-bound jobs running at once", 1, 1_000, List.of(1L), List.of(4L), List.of(1L, 2L, 4L, 8L)),
                Param.of(JOB_MILLIS, "length of one job", 1, 10_000, List.of(20L), List.of(20L), List.of(20L)),
                Param.of(YIELD_MICROS, "a job yields every so many microseconds (0: never)", 0, 10_000_000,
                        List.of(100L), List.of(0L, 100L), List.of(0L, 100L, 1_000L)),
                Param.of(INTERVAL_MICROS, "one tiny request every so many microseconds", 10, 1_000_000,
                        List.of(1_000L), List.of(1_000L), List.of(1_000L)),
                Param.choice(REQUESTS, "where requests run: on the model's runtime beside the jobs, or on a platform thread of their own",
                        REQUEST_PLACES, List.of("shared"), REQUEST_PLACES, REQUEST_PLACES)),
            new Headline(P99, false))
            // Models with somewhere to run jobs beside requests: not {@code future}, whose completer is the caller, nor {@code suspend}, whose minimal executor takes no work from other threads.
            .withOnly(MODELS)
            // The latency distribution of the tiny requests, one line per model.
            .withCharts(List.of(Chart.across("Tiny request latency by percentile", LatencyWindows.metrics(),
                LatencyWindows.labels(), "percentile", "latency (us)", true)));

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** A separate request thread is the fix for jobs that never yield; with yielding jobs it is left out. */
    @Override
    public List<Point> points(Model model, List<Point> grid) {
        return grid.stream().filter(p -> p.choice(REQUESTS).equals("shared") || p.count(YIELD_MICROS) == 0).toList();
    }

    @Override
    public long heapMegabytes(Model model, Point point) {
        return 128;
    }

    @Override
    public Map<String, Long> countOnce(Model model, Point point) throws Exception {
        try (ModelRuntime runtime = model.open(); Service service = Services.of(runtime, shape(point))) {
            Client client = new Client(service, point.count(INTERVAL_MICROS), COUNTED_REQUESTS, new Recorder(3));
            client.run();
            return client.counters();
        }
    }

    @Override
    public Outcome run(Model model, Point point, Measurement measurement, Probe probe) throws Exception {
        Map<String, Long> counts = countOnce(model, point);
        Recorder recorder = new Recorder(3);
        LatencyWindows perWindow = new LatencyWindows();
        double jobsPerSecond = 0;
        Client client;
        Service used;
        try (ModelRuntime runtime = model.open(); Service service = Services.of(runtime, shape(point))) {
            used = service;
            client = new Client(service, point.count(INTERVAL_MICROS), Long.MAX_VALUE, recorder);
            Thread thread = Thread.ofPlatform().name("client").start(client::run);
            try {
                for (int w = 0; w < measurement.warmupIterations(); w++) {
                    sleep(measurement);
                    recorder.getIntervalHistogram();
                }
                long jobsBefore = service.jobsFinished();
                long start = System.nanoTime();
                Histogram window = null;
                for (int w = 0; w < measurement.iterations(); w++) {
                    sleep(measurement);
                    if (w == measurement.iterations() - 1) {
                        // the last window keeps the request in flight when it ends: a stalled answer counts
                        jobsPerSecond = (service.jobsFinished() - jobsBefore) * 1e9 / (System.nanoTime() - start);
                        probe.peak();
                        client.stop();
                        thread.join();
                    }
                    window = recorder.getIntervalHistogram(window);
                    perWindow.add(window);
                }
            } finally {
                client.stop();
                thread.join();
            }
        }
        client.verify();
        // the jobs did their work and yielded as asked: a model whose jobs skipped a yield or a slice fails here
        // (closing the service waited for every running job to end: its counts are final)
        if (used.wrongJob().isPresent()) {
            throw new WorkMismatchException(used.wrongJob().get());
        }
        if (used.jobsFinished() == 0) {
            throw new WorkMismatchException("no long job finished while the requests were measured: the jobs did not run");
        }
        counts = new LinkedHashMap<>(counts);
        counts.put(JOBS_FINISHED, used.jobsFinished());
        counts.put(SLICES, used.slicesRun());
        counts.put(YIELDS, used.yieldsMade());
        WorkMismatchException.requireEqual(SLICES + "-" + JOBS_FINISHED, used.slicesRun() - used.jobsFinished(), YIELDS, used.yieldsMade());
        Map<String, Metric> metrics = new LinkedHashMap<>();
        metrics.putAll(perWindow.metrics("us"));
        metrics.put(JOBS_PER_SECOND, Metric.once(jobsPerSecond, "jobs/s"));
        return new Outcome(metrics, counts);
    }

    private static void sleep(Measurement measurement) throws InterruptedException {
        Thread.sleep(measurement.iteration());
    }

    static Services.Shape shape(Point point) {
        return new Services.Shape(point.intCount(JOBS), TimeUnit.MILLISECONDS.toNanos(point.count(JOB_MILLIS)),
                TimeUnit.MICROSECONDS.toNanos(point.count(YIELD_MICROS)), point.choice(REQUESTS).equals("separate"));
    }

    /**
     * The one client, on a platform thread of its own: sends request n at its slot (start + n x interval,
     * or at once when late), waits for the answer and records the latency, corrected for the requests it
     * could not send while it waited.
     */
    static final class Client {
        private final Service service;
        private final long intervalMicros;
        private final long limit;
        private final Recorder recorder;
        private volatile boolean stopped;
        private long sent;
        private long answered;
        private long sum;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Client(Service service, long intervalMicros, long limit, Recorder recorder) {
            this.service = service;
            this.intervalMicros = intervalMicros;
            this.limit = limit;
            this.recorder = recorder;
        }

        void run() {
            try {
                long start = System.nanoTime();
                while (!stopped && sent < limit) {
                    long n = ++sent;
                    long sentAt = System.nanoTime();
                    long answer;
                    try {
                        answer = service.request(n).get(STALL_SECONDS, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // not a count that fits: the report then names the limit alone
                        throw new LimitReachedException(-1, "starvation", "request " + n + " had no answer after "
                                + STALL_SECONDS + " s (" + answered + " answered before it): the jobs kept every thread of the runtime");
                    }
                    long micros = Math.max(1, (System.nanoTime() - sentAt) / 1_000);
                    recorder.recordValueWithExpectedInterval(micros, intervalMicros);
                    answered++;
                    if (answer != n) {
                        throw new IllegalStateException("request " + n + " was answered " + answer);
                    }
                    sum += answer;
                    long next = start + n * intervalMicros * 1_000;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }

        void stop() {
            stopped = true;
        }

        /** Fails unless every request sent was answered with its own number; a starved request is a limit reached. */
        void verify() throws Exception {
            Throwable failed = failure.get();
            if (failed instanceof LimitReachedException limit) {
                throw limit;
            }
            if (failed != null) {
                throw new IllegalStateException("the client failed", failed);
            }
            WorkMismatchException.requireEqual(SENT, sent, ANSWERED, answered);
            WorkMismatchException.requireEqual("1+..+" + SENT, sent * (sent + 1) / 2, ANSWER_SUM, sum);
        }

        Map<String, Long> counters() throws Exception {
            verify();
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put(SENT, sent);
            counts.put(ANSWERED, answered);
            counts.put(ANSWER_SUM, sum);
            return counts;
        }
    }
}
