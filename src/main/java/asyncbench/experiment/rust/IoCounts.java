package asyncbench.experiment.rust;

import java.util.LinkedHashMap;
import java.util.Map;

/** The I/O calls one run of the server made: identical for every model, or some model did other work. */
public record IoCounts(long register, long unregister, long poll, long accept, long read, long write,
        long bytesRead, long bytesWritten) {

    /** What every model must do for {@code connections} connections: the original's counts. */
    public static IoCounts expected(long connections) {
        long n = connections;
        return new IoCounts(n + 1, n + 1, n + 2, 2 * n, 2 * n, 2 * n, n * FakeStream.REQUEST.length,
                n * FakeStream.REQUEST.length);
    }

    Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("register", register);
        map.put("unregister", unregister);
        map.put("poll", poll);
        map.put("accept", accept);
        map.put("read", read);
        map.put("write", write);
        map.put("bytesRead", bytesRead);
        map.put("bytesWritten", bytesWritten);
        return map;
    }

    @Override
    public String toString() {
        return "register=" + register + " unregister=" + unregister + " poll=" + poll + " accept=" + accept
                + " read=" + read + " write=" + write;
    }
}
