package asyncbench.experiment.rust;

import static asyncbench.experiment.rust.FakeStream.WOULD_BLOCK;

/**
 * The server written in plain blocking style, once: a call that would block waits for readiness and
 * tries again. Which runtime captures the stack while it waits is the {@link Suspender}'s business.
 */
final class BlockingHandlers {
    private BlockingHandlers() {
    }

    static void listen(FakeIo io, Suspender s) {
        io.poll.register(io.listener, Evented.READABLE);
        for (int i = 0; i < io.connections; i++) {
            FakeStream stream;
            while ((stream = io.listener.accept()) == null) {
                s.awaitReady(io.listener);
            }
            io.poll.register(stream, Evented.READABLE | Evented.WRITABLE);
            FakeStream accepted = stream;
            s.spawn(() -> connection(io, accepted, s));
        }
        io.poll.unregister(io.listener);
    }

    static void connection(FakeIo io, FakeStream stream, Suspender s) {
        byte[] buf = io.buffer(stream.key);
        int length = 0;
        while (!FakeStream.hasLine(buf, length)) {
            int n;
            while ((n = stream.read(buf, length)) == WOULD_BLOCK) {
                s.awaitReady(stream);
            }
            length += n;
        }
        int sent = 0;
        while (sent < length) {
            int n;
            while ((n = stream.write(buf, sent, length - sent)) == WOULD_BLOCK) {
                s.awaitReady(stream);
            }
            sent += n;
        }
        io.poll.unregister(stream);
    }
}
