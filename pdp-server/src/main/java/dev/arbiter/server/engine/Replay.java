package dev.arbiter.server.engine;

import java.util.Objects;

/**
 * Decides logged requests again on two policy sets, the current one and a candidate, each at the
 * time the request was first decided: a condition reading {@code now} sees the moment of the
 * original decision, so only the policies differ between the two answers.
 */
public final class Replay {

    private final DecisionEngine current = new DecisionEngine();
    private final DecisionEngine candidate = new DecisionEngine();

    public Replay(PolicySet currentPolicies, PolicySet candidatePolicies) {
        current.install(currentPolicies);
        candidate.install(candidatePolicies);
    }

    /** The decisions of the current and the candidate policies on {@code request}, as at {@code decidedAtMicros}. */
    public Outcome decide(CheckRequest request, long decidedAtMicros) {
        return new Outcome(current.decide(request, decidedAtMicros), candidate.decide(request, decidedAtMicros));
    }

    /** What the current policies decide ({@code before}) and what the candidate ones would ({@code after}). */
    public record Outcome(Decision before, Decision after) {

        /** Whether the candidate policies decide {@code allow} otherwise. */
        public boolean flipped() {
            return before.allow() != after.allow();
        }

        /** Whether the same outcome is reached by another policy or rule (a default deny names none). */
        public boolean ruleChanged() {
            boolean sameRule = Objects.equals(before.policy(), after.policy())
                    && Objects.equals(before.rule(), after.rule());
            return !flipped() && !sameRule;
        }
    }
}
