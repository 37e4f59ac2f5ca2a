package asyncbench.experiment.forum.brigade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One hop of a chain: the upstream task puts the token, the downstream task takes it. A chain holds one
 * token at a time, so a put never waits. A token is a byte, 0 to 255; {@link #EOF} ends the chain.
 * A link is read in one of two ways, never both: blocking ({@link #take}) by plain code on a thread,
 * or by an asynchronous task ({@link #takeOr}), which is woken when the token may be there.
 */
abstract sealed class Link implements AutoCloseable {
    /** The end of the chain: the writer closed it. */
    static final int EOF = -1;
    /** No token yet: the waker will run. */
    static final int NONE = -2;

    /** The next token or {@link #EOF}, blocking until it comes. */
    abstract int take() throws IOException, InterruptedException;

    /** The next token or {@link #EOF} if it is there; else {@link #NONE}, and {@code wake} runs once when it may be. */
    abstract int takeOr(Runnable wake);

    /** Passes {@code token} (or {@link #EOF}) to the reader. */
    abstract void put(int token) throws IOException, InterruptedException;

    /** {@link #put} for a loop, whose put never waits. */
    final void send(int token) {
        try {
            put(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public abstract void close() throws IOException;

    /** The next token after one hop. */
    static int next(int token) {
        return (token + 1) & 0xff;
    }

    /**
     * A real OS pipe ({@code java.nio.channels.Pipe}: {@code pipe2} on Linux), one byte per token; EOF is
     * the write end closed. Blocking for a thread; non-blocking, read when {@code reactor} reports it
     * readable, for a loop.
     */
    static final class OsPipe extends Link {
        private final Pipe pipe;
        private final Reactor reactor;
        private final ByteBuffer in = ByteBuffer.allocateDirect(1);
        private final ByteBuffer out = ByteBuffer.allocateDirect(1);

        /** A pipe read by {@code reactor}'s loop, or blocking when it is null. */
        OsPipe(Reactor reactor) throws IOException {
            this.pipe = Pipe.open();
            this.reactor = reactor;
            boolean blocking = reactor == null;
            pipe.source().configureBlocking(blocking);
            pipe.sink().configureBlocking(blocking);
        }

        @Override
        int take() throws IOException {
            in.clear();
            int n = pipe.source().read(in);
            return n < 0 ? EOF : in.get(0) & 0xff;
        }

        @Override
        int takeOr(Runnable wake) {
            try {
                in.clear();
                int n = pipe.source().read(in);
                if (n == 0) {
                    reactor.whenReadable(pipe.source(), wake);
                    return NONE;
                }
                return n < 0 ? EOF : in.get(0) & 0xff;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void put(int token) throws IOException {
            if (token == EOF) {
                pipe.sink().close();
                return;
            }
            out.clear();
            out.put(0, (byte) token);
            if (pipe.sink().write(out) != 1) {
                throw new IllegalStateException("a pipe holding at most one token took no byte");
            }
        }

        @Override
        public void close() throws IOException {
            pipe.sink().close();
            pipe.source().close();
        }
    }

    /**
     * A pair of connected UNIX stream sockets, one byte per token, as the suite's async-brigade
     * ({@code UnixStream::pair}); EOF is the writing end shut down. The pair is made by binding a
     * listener to a fresh path in the temporary directory, connecting and accepting, then removing the
     * path. Blocking for a thread; non-blocking, read when {@code reactor} reports it readable, for a loop.
     */
    static final class UnixSocket extends Link {
        private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();
        private final java.nio.channels.SocketChannel reader;
        private final java.nio.channels.SocketChannel writer;
        private final Reactor reactor;
        private final ByteBuffer in = ByteBuffer.allocateDirect(1);
        private final ByteBuffer out = ByteBuffer.allocateDirect(1);

        UnixSocket(Reactor reactor) throws IOException {
            this.reactor = reactor;
            java.nio.file.Path path = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                    "asyncbench-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet() + ".sock");
            java.net.UnixDomainSocketAddress address = java.net.UnixDomainSocketAddress.of(path);
            try (java.nio.channels.ServerSocketChannel listener =
                         java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                listener.bind(address);
                writer = java.nio.channels.SocketChannel.open(address);
                reader = listener.accept();
            } finally {
                java.nio.file.Files.deleteIfExists(path);
            }
            boolean blocking = reactor == null;
            reader.configureBlocking(blocking);
            writer.configureBlocking(blocking);
        }

        @Override
        int take() throws IOException {
            in.clear();
            int n = reader.read(in);
            return n < 0 ? EOF : in.get(0) & 0xff;
        }

        @Override
        int takeOr(Runnable wake) {
            try {
                in.clear();
                int n = reader.read(in);
                if (n == 0) {
                    reactor.whenReadable(reader, wake);
                    return NONE;
                }
                return n < 0 ? EOF : in.get(0) & 0xff;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void put(int token) throws IOException {
            if (token == EOF) {
                writer.shutdownOutput();
                return;
            }
            out.clear();
            out.put(0, (byte) token);
            if (writer.write(out) != 1) {
                throw new IllegalStateException("a socket holding at most one token took no byte");
            }
        }

        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                reader.close();
            }
        }
    }

    /** An in-memory one-slot channel: a bounded queue of one for threads, a slot and a waker for loops. */
    static final class Memory extends Link {
        private final ArrayBlockingQueue<Integer> queue;
        private int token = NONE;
        private Runnable waiter;

        /** A link read blocking by a thread, or by a loop's task. */
        Memory(boolean blocking) {
            this.queue = blocking ? new ArrayBlockingQueue<>(1) : null;
        }

        @Override
        int take() throws InterruptedException {
            return queue.take();
        }

        @Override
        int takeOr(Runnable wake) {
            synchronized (this) {
                int got = token;
                if (got == NONE) {
                    waiter = wake;
                } else {
                    token = NONE;
                }
                return got;
            }
        }

        @Override
        void put(int value) throws InterruptedException {
            if (queue != null) {
                queue.put(value);
                return;
            }
            Runnable wake;
            synchronized (this) {
                if (token != NONE) {
                    throw new IllegalStateException("a chain holding one token got a second");
                }
                token = value;
                wake = waiter;
                waiter = null;
            }
            if (wake != null) {
                wake.run();
            }
        }

        @Override
        public void close() {
            // memory only
        }
    }
}
