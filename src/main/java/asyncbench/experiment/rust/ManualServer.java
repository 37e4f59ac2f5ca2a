package asyncbench.experiment.rust;

/**
 * The hand-written poll loop: connection state machines driven from one loop, with a list of
 * connections that need processing. Allocates nothing in the steady state.
 */
final class ManualServer implements Server, Reactor.Driver {
    private final FakeIo io;
    private final Reactor reactor;
    /** Connection state by key; index 0 (the listener) unused. */
    private final Exchange[] conns;
    private final ReadyQueue needsProcess;
    private boolean canAccept;
    private int acceptLeft;
    private int open;

    ManualServer(FakeIo io) {
        this.io = io;
        this.reactor = new Reactor(io);
        this.conns = new Exchange[io.connections + 1];
        for (int k = 1; k <= io.connections; k++) {
            conns[k] = new Exchange();
        }
        this.needsProcess = new ReadyQueue(io.connections + 1);
    }

    @Override
    public void serve() {
        io.poll.register(io.listener, Evented.READABLE);
        canAccept = true;
        acceptLeft = io.connections;
        open = 0;
        reactor.run(this);
        io.poll.unregister(io.listener);
    }

    @Override
    public void runReady() {
        while (acceptLeft > 0 && canAccept) {
            FakeStream stream = io.listener.accept();
            if (stream == null) {
                canAccept = false;
                continue;
            }
            acceptLeft--;
            open++;
            conns[stream.key].open(stream, io.buffer(stream.key));
            io.poll.register(stream, Evented.READABLE | Evented.WRITABLE);
            needsProcess.add(stream.key);
        }
        while (!needsProcess.isEmpty()) {
            Exchange c = conns[needsProcess.take()];
            if (c.advance()) {
                io.poll.unregister(c.stream);
                open--;
            }
        }
    }

    @Override
    public boolean finished() {
        return acceptLeft == 0 && open == 0;
    }

    @Override
    public void ready(int key) {
        if (key == FakeListener.KEY) {
            canAccept = true;
        } else {
            needsProcess.add(key);
        }
    }
}
