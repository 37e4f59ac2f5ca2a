package asyncbench.findings;

import asyncbench.stats.Decision;
import java.util.List;

/** A claim and the lab's answer to it: each contrast decided from its committed run, and the verdict they make together. */
public record Finding(Claim claim, List<Tested> tests, Answer answer) {
    /** What the data say of the claim. */
    public enum Answer {
        /** Every contrast went the way the claim says. */
        REPRODUCED,
        /** Every contrast went the other way. */
        REVERSED,
        /** Some did, or some were the same within 10% where the claim says one is better. */
        PARTLY,
        /** No contrast was decided. */
        UNDECIDED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How one contrast came out against what the claim expects. */
    public enum Outcome {
        AS_CLAIMED, OPPOSITE, SAME, UNDECIDED
    }

    /** One contrast, decided, and how it stands to the claim. */
    public record Tested(Claim.Test test, Decision decision, Outcome outcome) {
        /** "platform (cpus=one) vs virtual (cpus=all) at tasks=500: same, x1.04 [0.95, 1.13]". */
        public String sentence() {
            String m = test.modelPoint() == null ? test.model() : test.model() + " (" + where(test.modelPoint()) + ")";
            String b = test.baselinePoint() == null ? test.baseline() : test.baseline() + " (" + where(test.baselinePoint()) + ")";
            String at = test.point().isEmpty() ? "" : " at " + where(test.point());
            return m + " vs " + b + at + ": " + decision.verdict().id() + ", " + decision.figure();
        }

        private static String where(java.util.Map<String, Object> values) {
            return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "));
        }
    }

    /** The verdict of the claim from its contrasts. */
    static Answer answer(List<Outcome> outcomes) {
        if (outcomes.stream().allMatch(o -> o == Outcome.UNDECIDED)) {
            return Answer.UNDECIDED;
        }
        if (outcomes.stream().allMatch(o -> o == Outcome.AS_CLAIMED)) {
            return Answer.REPRODUCED;
        }
        if (outcomes.stream().allMatch(o -> o == Outcome.OPPOSITE)) {
            return Answer.REVERSED;
        }
        return Answer.PARTLY;
    }
}
