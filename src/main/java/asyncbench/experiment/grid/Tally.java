package asyncbench.experiment.grid;

import java.util.List;

/** Where readers count their iterations. */
interface Tally {
    /** One more iteration; called by the reader that owns or shares this tally. */
    void increment();

    /** Iterations so far; readable at any moment. */
    long get();

    /** How readers count, a parameter of the signal experiments. */
    enum Counting {
        /** The original's: every read is counted under one lock per writer, shared by all its readers. */
        SHARED("shared"),
        /** A lock-free counter per reader: the readers of one writer no longer contend on a lock. */
        PER_READER("perReader");

        final String id;

        Counting(String id) {
            this.id = id;
        }

        static List<String> ids() {
            return java.util.Arrays.stream(values()).map(c -> c.id).toList();
        }

        static Counting byId(String id) {
            return java.util.Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst().orElseThrow();
        }
    }

    /** One tally per reader: reader i counts on writer (i mod writers)'s shared tally, or on its own. */
    static Tally[] of(Counting counting, int readers, int writers) {
        Tally[] tallies = new Tally[readers];
        Tally[] perWriter = new Tally[writers];
        for (int i = 0; i < readers; i++) {
            tallies[i] = switch (counting) {
                case SHARED -> {
                    int w = i % writers;
                    if (perWriter[w] == null) {
                        perWriter[w] = new Locked();
                    }
                    yield perWriter[w];
                }
                case PER_READER -> new Counter();
            };
        }
        return tallies;
    }

    /** A count under a lock, as the original's {@code lock (syncs[writer]) counters[writer]++}. */
    final class Locked implements Tally {
        private long value;

        @Override
        public synchronized void increment() {
            value++;
        }

        @Override
        public synchronized long get() {
            return value;
        }
    }
}
