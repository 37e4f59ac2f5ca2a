package asyncbench.experiment.fakeserver;

/**
 * The hand-written poll loop: connection state machines driven from one loop, with a list of
 * connections that need processing. Allocates nothing in the steady state.
 */
final class ManualServer implements Server {
    private final FakeIo io;
    /** Connection state by key; index 0 (the listener) unused. */
    private final Exchange[] conns;
    private final Poll.Events events;
    private final ReadyQueue needsProcess;

    ManualServer(FakeIo io) {
        this.io = io;
        this.conns = new Exchange[io.connections + 1];
        for (int k = 1; k <= io.connections; k++) {
            conns[k] = new Exchange();
        }
        this.events = new Poll.Events(io.connections + 1);
        this.needsProcess = new ReadyQueue(io.connections + 1);
    }

    @Override
    public void serve() {
        Poll poll = io.poll;
        FakeListener listener = io.listener;
        poll.register(listener, Evented.READABLE);
        boolean canAccept = true;
        int acceptLeft = io.connections;
        int open = 0;
        while (true) {
            while (acceptLeft > 0 && canAccept) {
                FakeStream stream = listener.accept();
                if (stream == null) {
                    canAccept = false;
                    continue;
                }
                acceptLeft--;
                open++;
                conns[stream.key].open(stream);
                poll.register(stream, Evented.READABLE | Evented.WRITABLE);
                needsProcess.add(stream.key);
            }
            while (!needsProcess.isEmpty()) {
                Exchange c = conns[needsProcess.take()];
                if (c.advance()) {
                    poll.unregister(c.stream);
                    open--;
                }
            }
            if (acceptLeft == 0 && open == 0) {
                break;
            }
            poll.poll(events);
            for (int i = 0; i < events.size; i++) {
                int key = events.keys[i];
                if (key == FakeListener.KEY) {
                    canAccept = true;
                } else if ((events.interests[i] & (Evented.READABLE | Evented.WRITABLE)) != 0) {
                    needsProcess.add(key);
                }
            }
        }
        poll.unregister(listener);
    }
}
