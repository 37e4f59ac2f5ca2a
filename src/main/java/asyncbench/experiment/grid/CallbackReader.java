package asyncbench.experiment.grid;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The async reader: takes segments while there are any, then subscribes a future to its pipe and
 * returns; the future's continuation resumes it on whichever thread completes it.
 */
final class CallbackReader implements Reader {
    private final CallbackPipe<CompletableFuture<Void>> pipe;
    private final Tally iterations;
    private final CountDownLatch finished;
    private final Runnable resume = this::resumed;
    private long wakeups;
    private long offWriter;

    CallbackReader(CallbackPipe<CompletableFuture<Void>> pipe, Tally iterations, CountDownLatch finished) {
        this.pipe = pipe;
        this.iterations = iterations;
        this.finished = finished;
    }

    /** Runs until the pipe is empty, then returns with a continuation registered. */
    void start() {
        while (true) {
            switch (pipe.take()) {
                case SEGMENT -> iterations.increment();
                case EMPTY -> {
                    CompletableFuture<Void> signal = new CompletableFuture<>();
                    if (pipe.subscribe(signal)) {
                        signal.thenRun(resume);
                        return;
                    }
                }
                case CLOSED -> {
                    finished.countDown();
                    return;
                }
            }
        }
    }

    private void resumed() {
        wakeups++;
        if (!Completion.onWriter()) {
            offWriter++;
        }
        start();
    }

    @Override
    public long resumedOffWriter() {
        return offWriter;
    }

    @Override
    public Pipe<?> pipe() {
        return pipe;
    }

    @Override
    public boolean waiting() {
        return pipe.hasWaiter();
    }

    @Override
    public long wakeupsSent() {
        return pipe.wakeupsSent();
    }

    @Override
    public long wakeupsReceived() {
        return wakeups;
    }
}
