package asyncbench.experiment.signal;

/** The classic reader: takes a segment if there is one, otherwise blocks on its pipe's event. */
final class BlockingReader implements Runnable {
    final EventPipe pipe;
    final Counter iterations = new Counter();

    BlockingReader(EventPipe pipe) {
        this.pipe = pipe;
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
}
