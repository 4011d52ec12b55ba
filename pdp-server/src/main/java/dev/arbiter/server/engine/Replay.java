package dev.arbiter.server.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Decides logged requests again on two policy sets, the current one and a candidate, each at the
 * time the request was first decided: a condition reading {@code now} sees the moment of the
 * original decision, so only the policies differ between the two answers. One per replay; not
 * thread-safe.
 */
public final class Replay {

    private final ReplayClock clock = new ReplayClock();
    private final DecisionEngine current = new DecisionEngine(clock);
    private final DecisionEngine candidate = new DecisionEngine(clock);

    public Replay(PolicySet currentPolicies, PolicySet candidatePolicies) {
        current.install(currentPolicies);
        candidate.install(candidatePolicies);
    }

    /** The decisions of the current and the candidate policies on {@code request}, as at {@code decidedAt}. */
    public Outcome decide(CheckRequest request, Instant decidedAt) {
        clock.now = decidedAt;
        return new Outcome(current.decide(request), candidate.decide(request));
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

    /** The clock both engines read; set to each request's original decision time before it is decided. */
    private static final class ReplayClock extends Clock {

        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a replay decides in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
