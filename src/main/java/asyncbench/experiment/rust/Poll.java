package asyncbench.experiment.rust;

/**
 * The fake readiness poller: objects register when they open and unregister when they close;
 * {@link #poll} reports every registered object as ready with its registered interest. Registered
 * keys are kept dense, so a poll costs what is registered, not what could be.
 */
final class Poll {
    private final Stats stats;
    private final int[] keys;
    private final int[] interests;
    /** Position of each key in {@link #keys}, -1 when not registered. */
    private final int[] positions;
    private int size;

    Poll(Stats stats, int capacity) {
        this.stats = stats;
        this.keys = new int[capacity];
        this.interests = new int[capacity];
        this.positions = new int[capacity];
        java.util.Arrays.fill(positions, -1);
    }

    void register(Evented e, int interest) {
        stats.call();
        stats.register++;
        if (positions[e.key] >= 0) {
            throw new IllegalStateException("key " + e.key + " is registered already");
        }
        keys[size] = e.key;
        interests[size] = interest;
        positions[e.key] = size++;
    }

    void unregister(Evented e) {
        stats.call();
        stats.unregister++;
        int at = positions[e.key];
        if (at < 0) {
            return;
        }
        int last = --size;
        keys[at] = keys[last];
        interests[at] = interests[last];
        positions[keys[at]] = at;
        positions[e.key] = -1;
    }

    /** Fills {@code events} with every registered key and its interest. */
    void poll(Events events) {
        stats.call();
        stats.poll++;
        System.arraycopy(keys, 0, events.keys, 0, size);
        System.arraycopy(interests, 0, events.interests, 0, size);
        events.size = size;
    }

    /** Whether every object that registered has unregistered. */
    boolean isEmpty() {
        return size == 0;
    }

    /** A reusable list of ready keys with their readiness. */
    static final class Events {
        final int[] keys;
        final int[] interests;
        int size;

        Events(int capacity) {
            keys = new int[capacity];
            interests = new int[capacity];
        }
    }
}
