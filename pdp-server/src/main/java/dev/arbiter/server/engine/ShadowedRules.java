package dev.arbiter.server.engine;

import dev.arbiter.store.model.Effect;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyMode;
import dev.arbiter.store.model.Problem;
import dev.arbiter.store.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the rules of a policy that can never decide because an unconditional rule matching every
 * request they match always decides instead: a deny overrides any allow, and among rules of the
 * same outcome the first in (policy id, position) order is the one reported.
 */
final class ShadowedRules {

    /** A rule with its place in decision order. */
    private record Placed(String policyId, int position, Rule rule) {

        boolean precedes(Placed other) {
            int byPolicy = policyId.compareTo(other.policyId);
            return byPolicy != 0 ? byPolicy < 0 : position < other.position;
        }

        String name() {
            return policyId + "/" + rule.name();
        }
    }

    private ShadowedRules() {}

    /**
     * @param governing the other stored policies that apply to every request the candidate applies to
     */
    static List<Warning> find(Policy candidate, List<Policy> governing) {
        List<Placed> unconditional = new ArrayList<>();
        addUnconditional(candidate, unconditional);
        governing.stream().filter(policy -> policy.mode() == PolicyMode.ENFORCE)
                .forEach(policy -> addUnconditional(policy, unconditional));
        unconditional.sort(Comparator.comparing(Placed::policyId).thenComparingInt(Placed::position));

        List<Warning> warnings = new ArrayList<>();
        for (int i = 0; i < candidate.rules().size(); i++) {
            Placed rule = new Placed(candidate.id(), i, candidate.rules().get(i));
            for (Placed decider : unconditional) {
                String why = overruledBy(decider, rule);
                if (why != null) {
                    warnings.add(new Warning(Warning.UNREACHABLE_RULE,
                            Problem.inRule("rules[" + i + "]", rule.rule().name(), why)));
                    break;
                }
            }
        }
        return warnings;
    }

    private static void addUnconditional(Policy policy, List<Placed> rules) {
        for (int i = 0; i < policy.rules().size(); i++) {
            if (!policy.rules().get(i).hasCondition()) {
                rules.add(new Placed(policy.id(), i, policy.rules().get(i)));
            }
        }
    }

    /** Why {@code decider} always decides in place of {@code rule}, or null when it does not. */
    private static String overruledBy(Placed decider, Placed rule) {
        if (decider.equals(rule) || !ScopeCoverage.covers(decider.rule(), rule.rule())) {
            return null;
        }
        boolean deciderDenies = decider.rule().effect() == Effect.DENY;
        boolean ruleAllows = rule.rule().effect() == Effect.ALLOW;
        if (deciderDenies && ruleAllows) {
            return "can never allow: the unconditional deny rule " + decider.name()
                    + " matches every request this rule matches, and deny overrides allow";
        }
        if (decider.precedes(rule) && (deciderDenies || ruleAllows)) {
            return "never decides: the unconditional " + decider.rule().effect().json() + " rule " + decider.name()
                    + " comes first and matches every request this rule matches";
        }
        return null;
    }
}
