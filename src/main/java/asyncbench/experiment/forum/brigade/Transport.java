package asyncbench.experiment.forum.brigade;

import java.util.Arrays;
import java.util.List;

/**
 * What links the brigade's tasks: a pair of connected UNIX stream sockets (the suite's
 * {@code UnixStream::pair}, in thread-brigade and async-brigade alike), an OS pipe ({@code pipe2}), or
 * an in-memory one-slot channel (its async-mem-brigade). Every model of a point uses the same one.
 */
enum Transport {
    PIPE("pipe"),
    UNIX_SOCKET("unixSocket"),
    MEMORY("memory");

    final String id;

    Transport(String id) {
        this.id = id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(t -> t.id).toList();
    }

    static Transport byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no transport '" + id + "'; valid: " + ids()));
    }

    /** Whether each link holds two file descriptors of the kernel's. */
    boolean usesDescriptors() {
        return this != MEMORY;
    }
}
