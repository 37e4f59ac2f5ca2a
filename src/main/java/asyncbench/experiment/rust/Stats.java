package asyncbench.experiment.rust;

import asyncbench.os.EmptyPipe;

/**
 * Counts every call on the fake I/O. With a pipe, each counted call also makes one real
 * {@code read(2)} on it, standing in for the cost of real I/O.
 */
final class Stats implements AutoCloseable {
    private final EmptyPipe pipe;
    long register;
    long unregister;
    long poll;
    long accept;
    long read;
    long write;
    long bytesRead;
    long bytesWritten;

    /** @param syscallsPerCall 0 for fake I/O alone, 1 for one real system call per I/O call */
    Stats(long syscallsPerCall) {
        if (syscallsPerCall != 0 && syscallsPerCall != 1) {
            throw new IllegalArgumentException("syscallsPerCall must be 0 or 1, was " + syscallsPerCall);
        }
        this.pipe = syscallsPerCall == 1 ? new EmptyPipe() : null;
    }

    void call() {
        if (pipe != null && pipe.read() != -1) {
            throw new IllegalStateException("read(2) on the empty pipe did not fail");
        }
    }

    void reset() {
        register = 0;
        unregister = 0;
        poll = 0;
        accept = 0;
        read = 0;
        write = 0;
        bytesRead = 0;
        bytesWritten = 0;
    }

    IoCounts counts() {
        return new IoCounts(register, unregister, poll, accept, read, write, bytesRead, bytesWritten);
    }

    @Override
    public void close() {
        if (pipe != null) {
            pipe.close();
        }
    }
}
