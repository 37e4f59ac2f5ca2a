package asyncbench.experiment.rust;

/**
 * A FIFO of keys in which each key appears at most once; adding a queued key again is a no-op.
 * Fixed capacity, no allocation.
 */
final class ReadyQueue {
    private final int[] ring;
    private final boolean[] queued;
    private int head;
    private int size;

    ReadyQueue(int capacity) {
        ring = new int[capacity];
        queued = new boolean[capacity];
    }

    void add(int key) {
        if (queued[key]) {
            return;
        }
        queued[key] = true;
        ring[(head + size++) % ring.length] = key;
    }

    int take() {
        int key = ring[head];
        head = (head + 1) % ring.length;
        size--;
        queued[key] = false;
        return key;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
