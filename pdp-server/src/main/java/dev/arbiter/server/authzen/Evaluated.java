package dev.arbiter.server.authzen;

import dev.arbiter.server.service.DecisionOutcome;

/** One item of an evaluations answer: a decision, or the reason the item could not be evaluated. */
public sealed interface Evaluated {

    boolean allow();

    record Decided(DecisionOutcome outcome) implements Evaluated {
        @Override
        public boolean allow() {
            return outcome.decision().allow();
        }
    }

    /** An item missing a required member: denied, never evaluated nor logged. */
    record Refused(String message) implements Evaluated {
        @Override
        public boolean allow() {
            return false;
        }
    }
}
