package asyncbench.experiment.grid;

/** The classic reader: takes a segment if there is one, otherwise blocks on its pipe's event. */
final class BlockingReader implements Runnable, Reader {
    private final EventPipe pipe = new EventPipe();
    private final Tally iterations;

    BlockingReader(Tally iterations) {
        this.iterations = iterations;
    }

    @Override
    public void run() {
        while (true) {
            switch (pipe.take()) {
                case SEGMENT -> iterations.increment();
                case EMPTY -> pipe.event.await();
                case CLOSED -> {
                    return;
                }
            }
        }
    }

    @Override
    public EventPipe pipe() {
        return pipe;
    }

    @Override
    public boolean waiting() {
        return pipe.event.hasWaiter();
    }

    @Override
    public long wakeupsSent() {
        return pipe.event.wakeupsSent();
    }

    @Override
    public long wakeupsReceived() {
        return pipe.event.wakeupsReceived();
    }

    /** A thread always goes on on its own thread. */
    @Override
    public long resumedOffWriter() {
        return pipe.event.wakeupsReceived();
    }
}
