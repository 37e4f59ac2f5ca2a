package asyncbench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a load generator did, as counts: requests sent, responses (with a 2xx status and the expected
 * body, or not), and every way a request failed. A refused or reset connection is an error here,
 * never an exception.
 */
public record LoadCounts(long sent, long answered, long badStatus, long badBody, long connectErrors, long resets,
        long timeouts, long protocolErrors, long connections, long unanswered) {

    /** Requests that ended in any kind of failure. */
    public long errors() {
        return badStatus + badBody + connectErrors + resets + timeouts + protocolErrors;
    }

    /** Responses the server sent whole, whatever their status or body. */
    public long responses() {
        return answered + badStatus + badBody;
    }

    public LoadCounts minus(LoadCounts before) {
        return new LoadCounts(sent - before.sent, answered - before.answered, badStatus - before.badStatus,
                badBody - before.badBody, connectErrors - before.connectErrors, resets - before.resets,
                timeouts - before.timeouts, protocolErrors - before.protocolErrors, connections - before.connections,
                unanswered);
    }

    /** The counts by name, in the order above. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("sent", sent);
        m.put("answered", answered);
        m.put("badStatus", badStatus);
        m.put("badBody", badBody);
        m.put("connectErrors", connectErrors);
        m.put("resets", resets);
        m.put("timeouts", timeouts);
        m.put("protocolErrors", protocolErrors);
        m.put("connections", connections);
        m.put("unanswered", unanswered);
        return m;
    }
}
