package asyncbench.experiment.rust;

import static asyncbench.experiment.rust.FakeStream.WOULD_BLOCK;

/**
 * One connection's transaction as a hand-written state machine: receive a request line, then send
 * it back. Reused from run to run, so driving it allocates nothing.
 */
final class Exchange {
    byte[] buf;
    FakeStream stream;
    int length;
    int sent;

    /** Starts a transaction on {@code s}, reading into {@code buffer}. */
    Exchange open(FakeStream s, byte[] buffer) {
        stream = s;
        buf = buffer;
        length = 0;
        sent = 0;
        return this;
    }

    boolean received() {
        return FakeStream.hasLine(buf, length);
    }

    /** Makes progress until the stream would block (false) or the transaction is done (true). */
    boolean advance() {
        while (!received()) {
            int n = stream.read(buf, length);
            if (n == WOULD_BLOCK) {
                return false;
            }
            length += n;
        }
        while (sent < length) {
            int n = stream.write(buf, sent, length - sent);
            if (n == WOULD_BLOCK) {
                return false;
            }
            sent += n;
        }
        return true;
    }
}
