package asyncbench.experiment.rust;

/** Something {@link Poll} can watch: the listener (key 0) or a stream (keys 1..N, one per connection of a run). */
abstract class Evented {
    /** Readiness interests, as bits. */
    static final int READABLE = 1;
    static final int WRITABLE = 2;

    final int key;

    Evented(int key) {
        this.key = key;
    }
}
