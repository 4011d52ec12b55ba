package dev.arbiter.server.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one service's policies, in decision order, indexed by action: a request only
 * walks the rules naming its action literally plus those with a wildcard action pattern.
 */
final class RuleTable {

    private final Map<String, CompiledRule[]> byLiteralAction;
    private final CompiledRule[] wildcardActionRules;

    private RuleTable(Map<String, CompiledRule[]> byLiteralAction, CompiledRule[] wildcardActionRules) {
        this.byLiteralAction = byLiteralAction;
        this.wildcardActionRules = wildcardActionRules;
    }

    /** Indexes rules given in decision order; each list of the index keeps that order. */
    static RuleTable of(List<CompiledRule> orderedRules) {
        Set<String> literals = new LinkedHashSet<>();
        orderedRules.forEach(rule -> literals.addAll(rule.literalActions()));
        Map<String, List<CompiledRule>> lists = new HashMap<>();
        literals.forEach(action -> lists.put(action, new ArrayList<>()));
        List<CompiledRule> wildcard = new ArrayList<>();
        for (CompiledRule rule : orderedRules) {
            if (rule.hasWildcardAction()) {
                wildcard.add(rule);
                lists.values().forEach(list -> list.add(rule));
            } else {
                rule.literalActions().forEach(action -> lists.get(action).add(rule));
            }
        }
        Map<String, CompiledRule[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((action, list) -> index.put(action, list.toArray(CompiledRule[]::new)));
        return new RuleTable(Map.copyOf(index), wildcard.toArray(CompiledRule[]::new));
    }

    /** The rules that may match {@code action}, in decision order. */
    CompiledRule[] candidatesFor(String action) {
        CompiledRule[] rules = byLiteralAction.get(action);
        return rules != null ? rules : wildcardActionRules;
    }
}
