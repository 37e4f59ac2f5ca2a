package asyncbench.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a cell ended. Every status but {@link #OK} carries a message saying why. */
public enum Status {
    /** Measured, and its counters agree. */
    OK,
    /** A system limit stopped it; the result says how far it got and which limit bit. */
    LIMIT,
    /** Still running at its deadline, so it was killed. */
    TIMEOUT,
    /** It threw, or its JVM died without a result. */
    ERROR,
    /** Its counters disagree: work was lost or done twice, so its figures are void. */
    MISMATCH;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
