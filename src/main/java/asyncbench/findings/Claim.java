package asyncbench.findings;

import java.util.List;
import java.util.Map;

/**
 * A published claim the lab tests: the claim in one sentence, its figure and source, and the contrasts
 * of committed runs that test it on the JVM.
 *
 * @param seed      the published experiment it comes from
 * @param command   the command that measures it again
 */
public record Claim(String id, String seed, String claim, String published, String source, String command, List<Test> tests) {
    /**
     * One contrast: {@code model} against {@code baseline} at {@code point} of {@code experiment} in the
     * committed run {@code run}; {@code modelPoint} and {@code baselinePoint} add to or replace the
     * point's values for one side. {@code metric} is the experiment's headline unless given, with
     * {@code higherIsBetter} then. The claim expects the model to be {@code better}, {@code worse} or
     * the {@code same} (within 10%).
     */
    public record Test(String experiment, String run, String model, String baseline, Map<String, Object> point,
            Map<String, Object> modelPoint, Map<String, Object> baselinePoint, String metric, Boolean higherIsBetter,
            String expect) {
        public Map<String, Object> point() {
            return point == null ? Map.of() : point;
        }

        public Map<String, Object> pointOf(boolean modelSide) {
            Map<String, Object> side = new java.util.LinkedHashMap<>(point());
            Map<String, Object> extra = modelSide ? modelPoint : baselinePoint;
            if (extra != null) {
                side.putAll(extra);
            }
            return side;
        }
    }
}
