package asyncbench.experiment.io.pump;

import asyncbench.experiment.Spin;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a pass does with each chunk it reads: sums its bytes and then spins a fixed amount of CPU work
 * ({@code workNanos} of it as measured on this machine); counts the chunks and bytes of every pipeline.
 */
final class Chunks {
    private final long rounds;
    private final AtomicLong chunks = new AtomicLong();
    private final AtomicLong byteSum = new AtomicLong();
    private volatile long sink;

    Chunks(long workNanos) {
        this.rounds = Spin.roundsFor(workNanos);
    }

    /** Processes the first {@code n} bytes of {@code buffer}; returns their sum. */
    long process(ByteBuffer buffer, int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += buffer.get(i) & 0xff;
        }
        if (rounds > 0) {
            sink = Spin.rounds(sum | 1, rounds);
        }
        return sum;
    }

    /** A pipeline read one file through, in {@code chunkCount} chunks summing to {@code sum}. */
    void fileDone(long chunkCount, long sum) {
        chunks.addAndGet(chunkCount);
        byteSum.addAndGet(sum);
    }

    long chunks() {
        return chunks.get();
    }

    long byteSum() {
        return byteSum.get();
    }

    long sink() {
        return sink;
    }
}
