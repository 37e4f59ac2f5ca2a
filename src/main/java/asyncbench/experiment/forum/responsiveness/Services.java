package asyncbench.experiment.forum.responsiveness;

import asyncbench.experiment.Spin;
import asyncbench.model.ModelRuntime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The services of the Java models; the coroutine one is {@code CoroutineService}. */
public final class Services {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private Services() {
    }

    /** How the service runs: long jobs at once, each's length and slice, and whether requests have a thread of their own. */
    public record Shape(int jobs, long jobNanos, long sliceNanos, boolean separate) {
    }

    static Service of(ModelRuntime runtime, Shape shape) {
        Service service = switch (runtime) {
            case ModelRuntime.Threads t -> new Threads(shape, t.factory());
            case ModelRuntime.Callback c when !c.runsInline() -> new Pool(shape, c.pool());
            case ModelRuntime.EventLoop e -> new Loop(shape);
            case ModelRuntime.Coroutines c -> CoroutineService.create(shape, c.runtime());
            case ModelRuntime.Callback _, ModelRuntime.Continuations _, ModelRuntime.TaskExecutor _ ->
                    throw new IllegalArgumentException("responsiveness has no version for " + runtime);
        };
        Spin.roundsPerMilli();
        ((Base) service).startJobs();
        return service;
    }

    /** What every service shares: the job slots, the count of finished jobs, and the separate request thread. */
    public abstract static class Base implements Service {
        final Shape shape;
        private final ExecutorService separate;
        /** Starts every job from outside the runtime, as a server's acceptor would: one platform thread. */
        private final ExecutorService feeder = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("jobs").factory());
        private final AtomicLong finished = new AtomicLong();
        private final AtomicLong slices = new AtomicLong();
        private final AtomicLong yields = new AtomicLong();
        private final java.util.concurrent.atomic.AtomicReference<String> wrongJob = new java.util.concurrent.atomic.AtomicReference<>();
        /** What every finished job must have computed, replayed once in one go. */
        private volatile long expectedSink;
        private final AtomicInteger live = new AtomicInteger();
        volatile boolean stopping;

        Base(Shape shape) {
            this.shape = shape;
            this.separate = shape.separate() ? Executors.newSingleThreadExecutor(Thread.ofPlatform().name("requests").factory()) : null;
        }

        final void startJobs() {
            expectedSink = newJob().expectedSink();
            live.set(shape.jobs());
            for (int i = 0; i < shape.jobs(); i++) {
                feeder.execute(this::startJob);
            }
        }

        /** Starts one job as a new task, which calls {@link #jobEnded} when it has run its length; called on the feeder's thread. */
        abstract void startJob();

        /** Answers a request as a task of the model's runtime. */
        abstract CompletableFuture<Long> handle(long n);

        final Job newJob() {
            return new Job(shape.jobNanos(), shape.sliceNanos());
        }

        /** Starts a job whose slices are tasks of {@code executor}, each slice handing the next back to it. */
        final void startSliced(java.util.concurrent.Executor executor) {
            Job job = newJob();
            executor.execute(new Runnable() {
                @Override
                public void run() {
                    if (job.runSlice()) {
                        jobEnded(job);
                    } else {
                        job.yielded();
                        executor.execute(this);
                    }
                }
            });
        }

        /**
         * A job ended: it is checked (every slice run, a yield between each two, the whole computation
         * done), then the feeder starts the next one in its slot, or the slot ends if the service is stopping.
         */
        final void jobEnded(Job job) {
            slices.addAndGet(job.slices());
            yields.addAndGet(job.yields());
            if (job.slices() != job.expectedSlices() || job.yields() != job.slices() - 1 || job.sink() != expectedSink) {
                wrongJob.compareAndSet(null, "a job ran " + job.slices() + " slices of " + job.expectedSlices() + " with "
                        + job.yields() + " yields between them (" + (job.slices() - 1) + " asked)"
                        + (job.sink() != expectedSink ? " and did not compute what its rounds compute" : ""));
            }
            finished.incrementAndGet();
            if (stopping) {
                live.decrementAndGet();
            } else {
                feeder.execute(() -> {
                    if (stopping) {
                        live.decrementAndGet();
                    } else {
                        startJob();
                    }
                });
            }
        }

        @Override
        public final CompletableFuture<Long> request(long n) {
            return separate != null ? CompletableFuture.supplyAsync(() -> Service.answer(n), separate) : handle(n);
        }

        @Override
        public final long jobsFinished() {
            return finished.get();
        }

        @Override
        public final long slicesRun() {
            return slices.get();
        }

        @Override
        public final long yieldsMade() {
            return yields.get();
        }

        @Override
        public final java.util.Optional<String> wrongJob() {
            return java.util.Optional.ofNullable(wrongJob.get());
        }

        @Override
        public void close() throws Exception {
            stopping = true;
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            while (live.get() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException(live.get() + " jobs still running " + STOP_TIMEOUT.toSeconds() + " s after stopping");
                }
                Thread.sleep(1);
            }
            feeder.close();
            if (separate != null) {
                separate.close();
            }
        }
    }

    /** A thread per job and per request, from the model's factory; between slices a job calls Thread.yield(). */
    static final class Threads extends Base {
        private final ThreadFactory factory;

        Threads(Shape shape, ThreadFactory factory) {
            super(shape);
            this.factory = factory;
        }

        @Override
        void startJob() {
            factory.newThread(() -> {
                Job job = newJob();
                while (!job.runSlice()) {
                    job.yielded();
                    Thread.yield();
                }
                jobEnded(job);
            }).start();
        }

        @Override
        CompletableFuture<Long> handle(long n) {
            CompletableFuture<Long> answer = new CompletableFuture<>();
            factory.newThread(() -> answer.complete(Service.answer(n))).start();
            return answer;
        }
    }

    /** Tasks of the model's ForkJoinPool: a job resubmits itself after each slice, a request is supplyAsync. */
    static final class Pool extends Base {
        private final ExecutorService pool;

        Pool(Shape shape, ExecutorService pool) {
            super(shape);
            this.pool = pool;
        }

        @Override
        void startJob() {
            startSliced(pool);
        }

        @Override
        CompletableFuture<Long> handle(long n) {
            return CompletableFuture.supplyAsync(() -> Service.answer(n), pool);
        }
    }

    /** One thread taking tasks from one queue in order: a job's next slice goes to the back, behind waiting requests. */
    static final class Loop extends Base {
        private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean closed;

        Loop(Shape shape) {
            super(shape);
            this.thread = Thread.ofPlatform().name("event-loop").start(() -> {
                try {
                    while (!closed) {
                        Runnable task = queue.poll(10, java.util.concurrent.TimeUnit.MILLISECONDS);
                        if (task != null) {
                            task.run();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        void startJob() {
            startSliced(queue::add);
        }

        @Override
        CompletableFuture<Long> handle(long n) {
            CompletableFuture<Long> answer = new CompletableFuture<>();
            queue.add(() -> answer.complete(Service.answer(n)));
            return answer;
        }

        @Override
        public void close() throws Exception {
            try {
                super.close();
            } finally {
                closed = true;
                thread.join();
            }
        }
    }
}
