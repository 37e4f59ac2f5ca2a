package asyncbench.experiment.rust;

import java.nio.charset.StandardCharsets;

/**
 * A fake connection: every odd call (read or write, counted together) would block; every even call
 * succeeds: a read returns the line "hello world\n", a write takes the whole buffer.
 */
final class FakeStream extends Evented {
    /** Returned by {@link #read} and {@link #write} instead of a byte count when the call would block. */
    static final int WOULD_BLOCK = -1;
    static final byte[] REQUEST = "hello world\n".getBytes(StandardCharsets.US_ASCII);

    private final Stats stats;
    private int calls;

    FakeStream(int key, Stats stats) {
        super(key);
        this.stats = stats;
    }

    void reset() {
        calls = 0;
    }

    /** Reads the request into {@code buf} at {@code offset}: its length, or {@link #WOULD_BLOCK}. */
    int read(byte[] buf, int offset) {
        stats.call();
        stats.read++;
        if (++calls % 2 == 1) {
            return WOULD_BLOCK;
        }
        System.arraycopy(REQUEST, 0, buf, offset, REQUEST.length);
        stats.bytesRead += REQUEST.length;
        return REQUEST.length;
    }

    /** Writes {@code length} bytes: all of them, or {@link #WOULD_BLOCK}. */
    int write(byte[] buf, int offset, int length) {
        stats.call();
        stats.write++;
        if (++calls % 2 == 1) {
            return WOULD_BLOCK;
        }
        stats.bytesWritten += length;
        return length;
    }

    static boolean hasLine(byte[] buf, int length) {
        for (int i = 0; i < length; i++) {
            if (buf[i] == '\n') {
                return true;
            }
        }
        return false;
    }
}
