package asyncbench.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a contrast of a model against a baseline decides. */
public enum Verdict {
    /** Its interval on the ratio lies wholly above 1 and leaves [0.9, 1.1], or the baseline reached a limit where the model measured. */
    BETTER,
    /** Its interval lies wholly below 1 and leaves [0.9, 1.1], or the model reached a limit where the baseline measured. */
    WORSE,
    /** Its whole interval lies inside [0.9, 1.1]: equal within 10%, an equivalence verdict (first of the three). */
    SAME,
    /** The interval reaches both sides of 1 and leaves [0.9, 1.1]: more JVMs are needed. */
    UNDECIDED,
    /** Neither measured, or one failed for a reason that is not a limit (an error, a mismatch). */
    NO_CONTEST;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the contrast is settled: better, worse or the same. */
    public boolean decided() {
        return this == BETTER || this == WORSE || this == SAME;
    }
}
