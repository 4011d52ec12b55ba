package dev.arbiter.server.cli.suite;

import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Explanation;

/**
 * How one check went: the engine's decision, and its explanation (every rule of the applying
 * policies and how it fared), which feeds coverage and the report of a failure.
 */
public record CheckResult(CheckCase check, Decision decision, Explanation explanation) {

    public boolean passed() {
        return decision.allow() == check.expectAllow();
    }

    /** The check and its outcome on one line, e.g. {@code ... expected allow, got deny: denied by default: ...}. */
    public String describe() {
        return check.label() + ": expected " + verdict(check.expectAllow()) + ", got "
                + verdict(decision.allow()) + ": "
                + decision.reason();
    }

    private static String verdict(boolean allow) {
        return allow ? "allow" : "deny";
    }
}
