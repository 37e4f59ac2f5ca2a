package asyncbench.experiment.fakeserver;

import static asyncbench.experiment.fakeserver.FakeStream.WOULD_BLOCK;

/**
 * The hand-written poll loop: connection state machines driven from one loop, with a list of
 * connections that need processing. Allocates nothing in the steady state.
 */
final class ManualServer implements Server {
    private final FakeIo io;
    /** Connection state by key; index 0 (the listener) unused. */
    private final Connection[] conns;
    private final Poll.Events events;
    private final ReadyQueue needsProcess;

    ManualServer(FakeIo io) {
        this.io = io;
        this.conns = new Connection[io.connections + 1];
        for (int k = 1; k <= io.connections; k++) {
            conns[k] = new Connection();
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
                Connection c = conns[needsProcess.take()];
                if (c.process()) {
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

    /** A connection's state machine: receiving the request, then sending the response. */
    private static final class Connection {
        private final byte[] buf = new byte[128];
        private FakeStream stream;
        private boolean sending;
        private int length;
        private int sent;

        void open(FakeStream s) {
            stream = s;
            sending = false;
            length = 0;
            sent = 0;
        }

        /** Makes progress until the stream would block (false) or the transaction is done (true). */
        boolean process() {
            while (true) {
                if (!sending) {
                    int n = stream.read(buf, length);
                    if (n == WOULD_BLOCK) {
                        return false;
                    }
                    length += n;
                    sending = FakeStream.hasLine(buf, length);
                } else {
                    int n = stream.write(buf, sent, length - sent);
                    if (n == WOULD_BLOCK) {
                        return false;
                    }
                    sent += n;
                    if (sent >= length) {
                        return true;
                    }
                }
            }
        }
    }
}
