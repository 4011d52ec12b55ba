package dev.arbiter.server.engine;

import java.util.List;

/**
 * An explained decision: the decision {@link DecisionEngine#decide} makes, and every rule of the
 * applying policies in decision order with how it matched and what its condition gave.
 */
public record Explanation(Decision decision, List<RuleExplanation> rules) {

    public Explanation {
        rules = List.copyOf(rules);
    }
}
