package dev.arbiter.server.engine;

import dev.arbiter.store.model.Effect;

/**
 * How one rule of an applying policy fared in an explained decision.
 *
 * @param dryRun whether the rule belongs to a dry-run policy (it only shapes the shadow decision)
 * @param condition the condition's outcome (true when the rule has none), or null when the rule
 *     was not a candidate and its condition was not evaluated
 */
public record RuleExplanation(String policy, String rule, Effect effect, boolean dryRun, boolean principalMatched,
        boolean actionMatched, boolean kindMatched, ConditionResult condition) {}
