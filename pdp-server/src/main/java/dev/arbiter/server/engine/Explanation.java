package dev.arbiter.server.engine;

import java.util.List;

/**
 * An explained decision: the decision {@link DecisionEngine#decide} makes, every rule of the
 * applying policies in decision order with how it matched and what its condition gave, and what
 * the directory added to the request.
 */
public record Explanation(Decision decision, List<RuleExplanation> rules, DirectoryUse directory) {

    public Explanation {
        rules = List.copyOf(rules);
    }
}
