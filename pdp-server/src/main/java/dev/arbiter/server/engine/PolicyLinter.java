package dev.arbiter.server.engine;

import dev.arbiter.store.Policy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Advice on a valid policy before it is stored, judged against the policies stored now: rules
 * that can never decide, and attribute names that look mistyped. Warnings never stop a write.
 */
public final class PolicyLinter {

    private final PolicyCompiler compiler;

    public PolicyLinter(PolicyCompiler compiler) {
        this.compiler = compiler;
    }

    /** Warnings about {@code candidate}, which replaces any stored policy of its id. Call only for a valid policy. */
    public List<Warning> warnings(Policy candidate, PolicySet stored) {
        List<Warning> warnings = new ArrayList<>(ShadowedRules.find(candidate, governing(candidate, stored)));
        List<Policy> neighbours = candidate.appliesToEveryService()
                ? others(candidate, stored.all())
                : governing(candidate, stored);
        String scope = candidate.appliesToEveryService()
                ? "any service"
                : "service " + candidate.service() + " or \"*\"";
        warnings.addAll(AttributeTypos.find(candidate, neighbours, scope, compiler));
        return warnings;
    }

    /** The other stored policies that apply to every request the candidate applies to. */
    private static List<Policy> governing(Policy candidate, PolicySet stored) {
        List<CompiledPolicy> policies = new ArrayList<>(stored.policiesOf(Policy.EVERY_SERVICE).policies().values());
        if (!candidate.appliesToEveryService()) {
            policies.addAll(stored.policiesOf(candidate.service()).policies().values());
        }
        return others(candidate, policies);
    }

    private static List<Policy> others(Policy candidate, Collection<CompiledPolicy> policies) {
        return policies.stream()
                .map(compiled -> compiled.stored().policy())
                .filter(policy -> !policy.id().equals(candidate.id()))
                .toList();
    }
}
