package dev.arbiter.server.engine;

import dev.arbiter.store.model.Effect;
import dev.arbiter.store.model.Rule;
import java.util.List;
import java.util.Set;

/** A rule ready for matching: its patterns indexed and its condition compiled (null when it has none). */
public final class CompiledRule {

    private static final String EVERY_ROLE = "*";

    private final String policyId;
    private final int position;
    private final String name;
    private final Effect effect;
    private final PatternSet principals;
    private final Set<String> roles;
    private final boolean everyPrincipal;
    private final PatternSet actions;
    private final PatternSet kinds;
    private final Condition condition;
    private final boolean dryRun;

    CompiledRule(String policyId, int position, Rule rule, Condition condition, boolean dryRun) {
        this.policyId = policyId;
        this.position = position;
        this.name = rule.name();
        this.effect = rule.effect();
        this.principals = PatternSet.of(rule.principals());
        this.roles = Set.copyOf(rule.roles());
        this.everyPrincipal = roles.contains(EVERY_ROLE);
        this.actions = PatternSet.of(rule.actions());
        this.kinds = PatternSet.of(rule.kinds());
        this.condition = condition;
        this.dryRun = dryRun;
    }

    public String policyId() {
        return policyId;
    }

    public String name() {
        return name;
    }

    public Effect effect() {
        return effect;
    }

    /** Whether the rule belongs to a dry-run policy: it only ever shapes the shadow decision. */
    public boolean isDryRun() {
        return dryRun;
    }

    boolean isDeny() {
        return effect == Effect.DENY;
    }

    boolean matchesAction(String action) {
        return actions.matches(action);
    }

    /** The principal's id matches a principal pattern, or one of its roles is listed ("*" lists all). */
    boolean matchesPrincipal(Principal principal) {
        if (everyPrincipal || principals.matches(principal.id())) {
            return true;
        }
        List<String> principalRoles = principal.roles();
        for (int i = 0; i < principalRoles.size(); i++) {
            if (roles.contains(principalRoles.get(i))) {
                return true;
            }
        }
        return false;
    }

    boolean matchesKind(String kind) {
        return kinds.isEmpty() || kinds.matches(kind);
    }

    /** Action, principal and kind all match: the rule is a candidate for this request. */
    boolean isCandidate(CheckRequest request) {
        return matchesAction(request.action())
                && matchesPrincipal(request.principal())
                && matchesKind(request.resource().kind());
    }

    ConditionResult evaluate(ConditionInput input) {
        return condition == null ? ConditionResult.TRUE : condition.evaluate(input);
    }

    /** Whether this rule comes before {@code other} in decision order: policy id, then position. */
    boolean precedes(CompiledRule other) {
        int byPolicy = policyId.compareTo(other.policyId);
        return byPolicy != 0 ? byPolicy < 0 : position < other.position;
    }

    /** The literal action patterns, by which rules are indexed. */
    Set<String> literalActions() {
        return actions.literals();
    }

    boolean hasWildcardAction() {
        return actions.hasWildcards();
    }
}
