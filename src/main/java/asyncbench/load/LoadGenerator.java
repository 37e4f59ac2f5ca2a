package asyncbench.load;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A bounded HTTP/1.1 load generator: a fixed number of connections spread over a few threads, each
 * thread one {@link Selector} loop, one request in flight per connection. It runs closed-loop (each
 * connection sends its next request when the answer to the last arrives: the throughput a server
 * reaches) or at a fixed rate, where each connection has a schedule and a request's latency counts from
 * its slot in the schedule, not from when it could be sent: a server that stalls is charged for every
 * request it kept waiting (coordinated omission corrected, as wrk2 does). Connections are kept alive,
 * or opened for one request each ({@code perRequest}, the short-lived case, where the latency includes
 * the connect). Every failure is counted, never thrown: a refused connect, a reset, a timeout, a
 * response that is not HTTP/1.x, a status other than 2xx, a body other than the expected one.
 */
public final class LoadGenerator implements AutoCloseable {
    /**
     * How the load is shaped. {@code expectedBody} null accepts any body; {@code maxRequests} 0 sends
     * until stopped, otherwise that many requests in all and then ends.
     */
    public record Settings(Target target, int connections, boolean perRequest, int threads, byte[] expectedBody,
            Duration timeout, long maxRequests) {
        public Settings {
            if (maxRequests < 0) {
                throw new IllegalArgumentException("maxRequests must be 0 (no limit) or more, was " + maxRequests);
            }
            if (connections < 1) {
                throw new IllegalArgumentException("connections must be at least 1, was " + connections);
            }
            if (threads < 1 || threads > connections) {
                throw new IllegalArgumentException("threads must be between 1 and the connections (" + connections + "), was " + threads);
            }
        }
    }

    private static final long CLOSED_LOOP = 0;
    private static final long PAUSED = -1;
    private static final long RECONNECT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Settings settings;
    private final byte[] request;
    private final Recorder latency = new Recorder(3);
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder badStatus = new LongAdder();
    private final LongAdder badBody = new LongAdder();
    private final LongAdder connectErrors = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final List<Loop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile String lastProblem = "";
    /** Nanoseconds between requests of one connection at a fixed rate, or {@link #CLOSED_LOOP}. */
    private volatile long period = CLOSED_LOOP;
    private volatile int modeChanges;
    private volatile boolean stopping;

    private LoadGenerator(Settings settings) {
        this.settings = settings;
        this.request = settings.target().request(settings.perRequest());
    }

    /**
     * Opens the connections (kept-alive ones connect here, one after another, so that their setup stays
     * out of the measurement) and starts sending, closed-loop.
     */
    public static LoadGenerator start(Settings settings) throws IOException {
        LoadGenerator generator = new LoadGenerator(settings);
        int n = settings.connections();
        for (int t = 0; t < settings.threads(); t++) {
            int share = n / settings.threads() + (t < n % settings.threads() ? 1 : 0);
            long max = settings.maxRequests();
            long budget = max == 0 ? -1 : max / settings.threads() + (t < max % settings.threads() ? 1 : 0);
            generator.loops.add(generator.new Loop(share, budget));
        }
        for (Loop loop : generator.loops) {
            Thread thread = Thread.ofPlatform().daemon().name("load-" + generator.threads.size()).start(loop::run);
            generator.threads.add(thread);
        }
        return generator;
    }

    /** From now on each connection sends as soon as its last answer came. */
    public void closedLoop() {
        period = CLOSED_LOOP;
        modeChanges++;
        wakeAll();
    }

    /** From now on requests go out at {@code requestsPerSecond} in all, evenly spread over the connections. */
    public void fixedRate(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, was " + requestsPerSecond);
        }
        period = Math.max(1, (long) (settings.connections() * 1e9 / requestsPerSecond));
        modeChanges++;
        wakeAll();
    }

    /**
     * Sends nothing new until the next mode, and waits up to {@code timeout} for the requests in flight to
     * be answered: a fixed rate that follows starts from quiet connections, not from the tail of a
     * closed loop. Returns whether none is left in flight.
     */
    public boolean pause(Duration timeout) throws InterruptedException {
        period = PAUSED;
        modeChanges++;
        wakeAll();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (loops.stream().anyMatch(l -> l.inFlight > 0)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    public LoadCounts counts() {
        long unanswered = loops.stream().mapToLong(l -> l.inFlight).sum();
        return new LoadCounts(sent.sum(), answered.sum(), badStatus.sum(), badBody.sum(), connectErrors.sum(),
                resets.sum(), timeouts.sum(), protocolErrors.sum(), connections.sum(), unanswered);
    }

    /** Latencies in microseconds since the last call; {@code recycle} may be the histogram that call returned. */
    public Histogram intervalLatency(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    /** The last failure seen, in words, or empty. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Waits up to {@code timeout} for a generator with a request limit to send them all and have them answered or failed. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /**
     * Stops sending, waits up to {@code drain} for the answers still owed, closes every connection and
     * returns the final counts (requests never answered among them).
     */
    public LoadCounts stop(Duration drain) throws InterruptedException {
        stopping = true;
        wakeAll();
        long deadline = System.nanoTime() + drain.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        for (Loop loop : loops) {
            loop.abandon = true;
            loop.selector.wakeup();
        }
        for (Thread t : threads) {
            t.join();
        }
        return counts();
    }

    @Override
    public void close() throws InterruptedException {
        if (!stopping || threads.stream().anyMatch(Thread::isAlive)) {
            stop(Duration.ZERO);
        }
    }

    private void wakeAll() {
        for (Loop loop : loops) {
            loop.selector.wakeup();
        }
    }

    private void problem(String what) {
        lastProblem = what;
    }

    /** One connection: at most one request in flight; its channel is null between connections. */
    private final class Conn {
        final int index;
        final ResponseParser parser = new ResponseParser(settings.expectedBody());
        SocketChannel channel;
        SelectionKey key;
        ByteBuffer out;
        /** When the request in flight was due (its latency counts from here), and when it went out. */
        long intended;
        long sentAt;
        boolean busy;
        /** When the next request is due at a fixed rate. */
        long due;

        Conn(int index) {
            this.index = index;
        }
    }

    /** One thread's connections, driven by one selector; a ticker thread wakes it for the next slot at a fixed rate. */
    private final class Loop {
        final Selector selector;
        final List<Conn> conns = new ArrayList<>();
        final PriorityQueue<Conn> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
        final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        final Ticker ticker;
        volatile long inFlight;
        volatile boolean abandon;
        /** Requests this loop may still send; -1 for no limit. */
        long budget;
        int appliedMode = -1;
        long lastTimeoutCheck = System.nanoTime();

        Loop(int count, long budget) throws IOException {
            this.budget = budget;
            selector = Selector.open();
            ticker = new Ticker(selector);
            for (int i = 0; i < count; i++) {
                Conn c = new Conn(i);
                conns.add(c);
                if (!settings.perRequest()) {
                    try {
                        SocketChannel channel = SocketChannel.open(settings.target().address());
                        connections.increment();
                        attach(c, channel);
                    } catch (IOException e) {
                        connectErrors.increment();
                        problem("connect: " + e.getMessage());
                    }
                }
            }
        }

        void run() {
            Thread tick = Thread.ofPlatform().daemon().name("load-ticker").start(ticker);
            try {
                while (!abandon) {
                    if (appliedMode != modeChanges) {
                        reschedule();
                    }
                    long now = System.nanoTime();
                    if ((stopping || budget == 0) && inFlight == 0) {
                        break;
                    }
                    if (!stopping) {
                        sendDue(now);
                    }
                    if (now - lastTimeoutCheck > TimeUnit.MILLISECONDS.toNanos(100)) {
                        expire(now);
                        lastTimeoutCheck = now;
                    }
                    long waitNanos = TimeUnit.MILLISECONDS.toNanos(100);
                    if (!stopping && !waiting.isEmpty()) {
                        waitNanos = Math.min(waitNanos, waiting.peek().due - System.nanoTime());
                    }
                    if (waitNanos <= 0) {
                        selector.selectNow();
                    } else {
                        ticker.wakeAt(System.nanoTime() + waitNanos);
                        selector.select(TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle((Conn) key.attachment(), key);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                problem("selector: " + e);
            } finally {
                ticker.stop();
                tick.interrupt();
                for (Conn c : conns) {
                    closeChannel(c);
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }

        /** The mode changed: idle connections get a slot on the new schedule (spread evenly), or go at once. */
        void reschedule() {
            appliedMode = modeChanges;
            waiting.clear();
            long p = period;
            long now = System.nanoTime();
            if (p == PAUSED) {
                return;
            }
            for (Conn c : conns) {
                long slot = p == CLOSED_LOOP ? now : now + p * c.index / conns.size();
                if (c.busy) {
                    c.due = slot - p; // when its request in flight ends, it takes this slot (due + period)
                } else {
                    c.due = slot;
                    waiting.add(c);
                }
            }
        }

        void sendDue(long now) {
            while (budget != 0 && !waiting.isEmpty() && waiting.peek().due <= now) {
                Conn c = waiting.poll();
                begin(c, period == CLOSED_LOOP ? now : c.due);
            }
        }

        /** Starts a request that was due at {@code intended}: connects first when the connection has no channel. */
        void begin(Conn c, long intended) {
            if (budget > 0) {
                budget--;
            }
            c.busy = true;
            c.intended = intended;
            c.parser.reset();
            c.out = ByteBuffer.wrap(request);
            inFlight++;
            sent.increment();
            if (c.channel == null) {
                connect(c); // the request goes out once connected
                return;
            }
            write(c);
        }

        void connect(Conn c) {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                c.channel = channel;
                c.sentAt = System.nanoTime();
                if (channel.connect(settings.target().address())) {
                    connections.increment();
                    c.key = channel.register(selector, 0, c);
                    write(c);
                } else {
                    c.key = channel.register(selector, SelectionKey.OP_CONNECT, c);
                }
            } catch (IOException e) {
                fail(c, connectErrors, "connect: " + e.getMessage());
            }
        }

        void attach(Conn c, SocketChannel channel) throws IOException {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.channel = channel;
            c.key = channel.register(selector, SelectionKey.OP_READ, c);
        }

        void write(Conn c) {
            try {
                c.sentAt = System.nanoTime();
                c.channel.write(c.out);
                c.key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            } catch (IOException e) {
                fail(c, resets, "write: " + e.getMessage());
            }
        }

        void handle(Conn c, SelectionKey key) {
            if (!key.isValid() || c.channel == null) {
                return;
            }
            try {
                if (key.isConnectable()) {
                    c.channel.finishConnect();
                    connections.increment();
                    write(c);
                    return;
                }
            } catch (IOException e) {
                fail(c, connectErrors, "connect: " + e.getMessage());
                return;
            }
            try {
                if (key.isWritable()) {
                    write(c);
                    return;
                }
                if (key.isReadable()) {
                    read(c);
                }
            } catch (IOException e) {
                fail(c, resets, "read: " + e.getMessage());
            }
        }

        void read(Conn c) throws IOException {
            in.clear();
            int n = c.channel.read(in);
            if (n < 0) {
                if (!c.busy) {
                    closeChannel(c);
                    return;
                }
                if (c.parser.endOfStream() == ResponseParser.State.COMPLETE) {
                    complete(c);
                } else {
                    fail(c, resets, "the server closed the connection before answering");
                }
                return;
            }
            in.flip();
            if (!c.busy) {
                fail(c, protocolErrors, "bytes from the server with no request in flight");
                return;
            }
            switch (c.parser.feed(in)) {
                case COMPLETE -> complete(c);
                case PROTOCOL_ERROR -> fail(c, protocolErrors, c.parser.problem());
                case INCOMPLETE -> { }
            }
        }

        void complete(Conn c) {
            long now = System.nanoTime();
            latency.recordValue(Math.max(1, (now - c.intended) / 1_000));
            int status = c.parser.status();
            if (status < 200 || status > 299) {
                badStatus.increment();
                problem("status " + status);
            } else if (!c.parser.bodyMatches()) {
                badBody.increment();
                problem("a body other than the expected one (" + c.parser.bodyBytes() + " bytes)");
            } else {
                answered.increment();
            }
            if (settings.perRequest() || c.parser.serverCloses()) {
                closeChannel(c);
            } else {
                c.key.interestOps(SelectionKey.OP_READ); // an idle connection the server closes is seen at once
            }
            finish(c, now);
        }

        /** The request ends in a failure of kind {@code counter}; the connection is closed and opened again later. */
        void fail(Conn c, LongAdder counter, String why) {
            counter.increment();
            problem(why);
            closeChannel(c);
            if (c.busy) {
                finish(c, System.nanoTime() + RECONNECT_BACKOFF_NANOS);
            }
        }

        /** The connection is free again: it takes its next slot, or goes at once in a closed loop. */
        void finish(Conn c, long now) {
            c.busy = false;
            inFlight--;
            if (stopping) {
                return;
            }
            long p = period;
            if (appliedMode != modeChanges || p == PAUSED) {
                return; // rescheduled with the others on the next turn, or paused
            }
            c.due = p == CLOSED_LOOP ? now : c.due + p;
            if (c.due <= System.nanoTime() && p == CLOSED_LOOP && budget != 0) {
                begin(c, now);
            } else {
                waiting.add(c);
            }
        }

        /** Requests in flight longer than the timeout are failures. */
        void expire(long now) {
            long limit = settings.timeout().toNanos();
            for (Conn c : conns) {
                if (c.busy && c.channel != null && now - c.sentAt > limit) {
                    fail(c, timeouts, "no answer within " + settings.timeout().toMillis() + " ms");
                }
            }
        }

        void closeChannel(Conn c) {
            if (c.channel != null) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do with it
                }
                c.channel = null;
                c.key = null;
            }
        }
    }

    /** Wakes a selector at a time finer than select's milliseconds, from a thread of its own that parks until then. */
    private static final class Ticker implements Runnable {
        private final Selector selector;
        private volatile long wakeAt = Long.MAX_VALUE;
        private volatile boolean stopped;
        private volatile Thread thread;

        Ticker(Selector selector) {
            this.selector = selector;
        }

        void wakeAt(long nanos) {
            long before = wakeAt;
            wakeAt = nanos;
            if (nanos < before || before == Long.MAX_VALUE) {
                LockSupport.unpark(thread);
            }
        }

        void stop() {
            stopped = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            thread = Thread.currentThread();
            while (!stopped) {
                long at = wakeAt;
                if (at == Long.MAX_VALUE) {
                    LockSupport.park(this);
                    continue;
                }
                long left = at - System.nanoTime();
                if (left > 0) {
                    LockSupport.parkNanos(this, left);
                } else {
                    wakeAt = Long.MAX_VALUE;
                    selector.wakeup();
                }
            }
        }
    }
}
