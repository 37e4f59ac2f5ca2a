package asyncbench.experiment.forum.brigade;

import asyncbench.os.ProcStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The brigade's tasks and the links between them: {@code tasks} split into {@code chains} as evenly as
 * they go, a link in front of every task and one behind each chain's last, read by the driver. Each
 * hop reads a shared buffer {@code busywork} times with volatile reads and adds what it read to its
 * task's checksum, which the cell compares with the hops made times the buffer's sum. What every
 * task and chain did is counted here, readable once the brigade has ended.
 */
final class Crew implements AutoCloseable {
    private static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final int[] BUFFER = new int[65_536];

    static {
        for (int i = 0; i < BUFFER.length; i++) {
            BUFFER[i] = (i * 31) & 0xff;
        }
    }

    private final int busywork;
    private final long sumPerHop;
    private final int[] chainStart;
    private final int[] chainOf;
    private final Link[] links;
    private final Reactor[] reactors;
    private final AtomicLongArray hops;
    private final AtomicLongArray checksums;
    private final AtomicLongArray arrivals;
    private final boolean measureMemory;
    private final AtomicLong firstArrivals = new AtomicLong();
    private volatile long memoryBytes = -1;

    /**
     * @param reactors the loops the tasks run on, chain c on reactor c mod n and the driver on the first;
     *                 empty for blocking links read by threads
     */
    Crew(int tasks, int chains, int busywork, Transport transport, boolean blocking, boolean measureMemory, Reactor... reactors)
            throws IOException {
        this.busywork = busywork;
        this.measureMemory = measureMemory;
        this.reactors = reactors;
        long sum = 0;
        for (int i = 0; i < busywork; i++) {
            sum += BUFFER[i];
        }
        this.sumPerHop = sum;
        this.chainStart = new int[chains + 1];
        this.chainOf = new int[tasks];
        for (int c = 0; c < chains; c++) {
            chainStart[c + 1] = chainStart[c] + tasks / chains + (c < tasks % chains ? 1 : 0);
            for (int k = chainStart[c]; k < chainStart[c + 1]; k++) {
                chainOf[k] = c;
            }
        }
        // link k is in front of task k; link tasks + c is behind chain c, read by the driver
        this.links = new Link[tasks + chains];
        try {
            for (int i = 0; i < links.length; i++) {
                Reactor reader = blocking || reactors.length == 0 ? null
                        : i < tasks ? reactors[chainOf[i] % reactors.length] : reactors[0];
                links[i] = switch (transport) {
                    case PIPE -> new Link.OsPipe(reader);
                    case UNIX_SOCKET -> new Link.UnixSocket(reader);
                    case MEMORY -> new Link.Memory(blocking);
                };
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        this.hops = new AtomicLongArray(tasks);
        this.checksums = new AtomicLongArray(tasks);
        this.arrivals = new AtomicLongArray(chains);
    }

    /** File descriptors a brigade of this shape holds over pipes: two per pipe. */
    static long descriptors(long tasks, long chains) {
        return 2 * (tasks + chains);
    }

    int tasks() {
        return chainOf.length;
    }

    int chains() {
        return arrivals.length();
    }

    int chainOf(int k) {
        return chainOf[k];
    }

    Reactor reactorOfChain(int chain) {
        return reactors[chain % reactors.length];
    }

    Reactor driverReactor() {
        return reactors[0];
    }

    /** The link task {@code k} reads. */
    Link upstream(int k) {
        return links[k];
    }

    /** The link task {@code k} writes: the next task's, or the driver's at the end of its chain. */
    Link downstream(int k) {
        int c = chainOf[k];
        return k + 1 < chainStart[c + 1] ? links[k + 1] : links[tasks() + c];
    }

    /** The link the driver puts chain {@code c}'s token into. */
    Link head(int c) {
        return links[chainStart[c]];
    }

    /** The link the driver takes chain {@code c}'s token from. */
    Link tail(int c) {
        return links[tasks() + c];
    }

    /** The first task of chain {@code c}, and one past its last. */
    int firstTask(int c) {
        return chainStart[c];
    }

    int endTask(int c) {
        return chainStart[c + 1];
    }

    /** Task {@code k}'s hop with {@code token}: the busywork, checked and counted; returns the token to pass on. */
    int pass(int k, int token) {
        long sum = 0;
        for (int i = 0; i < busywork; i++) {
            sum += (int) INTS.getVolatile(BUFFER, i);
        }
        // what was read is added as read; the cell compares the total with hops x the buffer's sum at the end,
        // so a hop that read less, or read what another hop was writing, fails the cell
        checksums.setRelease(k, checksums.getPlain(k) + sum);
        hops.setRelease(k, hops.getPlain(k) + 1);
        return Link.next(token);
    }

    /** The driver took {@code token} from chain {@code c}: it must have gone through every task of the chain. */
    void arrived(int c, int token) {
        int expected = (endTask(c) - firstTask(c)) & 0xff;
        if (token != expected) {
            throw new IllegalStateException("chain " + c + " gave back token " + token + ", not " + expected);
        }
        arrivals.setRelease(c, arrivals.getPlain(c) + 1);
        if (measureMemory && memoryBytes < 0 && firstArrivals.incrementAndGet() == chains()) {
            System.gc();
            memoryBytes = ProcStatus.read().rssBytes() + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }

    /** Resident memory plus heap used after a GC once every chain had given its first token back; -1 if not measured. */
    long memoryBytes() {
        return memoryBytes;
    }

    /** The driver took {@code token} from chain {@code c} after closing it: every task of it has passed the end on. */
    static void requireEnd(int c, int token) {
        if (token != Link.EOF) {
            throw new IllegalStateException("chain " + c + " gave back token " + token + " after its end");
        }
    }

    long hops(int k) {
        return hops.getAcquire(k);
    }

    long totalHops() {
        return sum(hops);
    }

    long checksum() {
        return sum(checksums);
    }

    long sumPerHop() {
        return sumPerHop;
    }

    long arrivals() {
        return sum(arrivals);
    }

    private static long sum(AtomicLongArray counts) {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.getAcquire(i);
        }
        return sum;
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (Link link : links) {
            if (link != null) {
                try {
                    link.close();
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        }
        for (Reactor reactor : reactors) {
            reactor.close();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("closing the brigade's pipes failed: " + failures);
        }
    }
}
