package dev.arbiter.server.engine;

import dev.arbiter.store.model.Policy;
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

    /**
     * Warnings about {@code candidate}, which replaces any stored policy of its id. Call only for a
     * valid policy.
     *
     * @param stored the stored policies of the candidate's service and of "*"; for a candidate
     *     governing every service, the stored policies of every service
     * @param directory the attribute names the directory holds, which are no typos
     */
    public List<Warning> warnings(Policy candidate, Collection<Policy> stored, DirectoryAttributes directory) {
        List<Policy> others = stored.stream().filter(policy -> !policy.id().equals(candidate.id())).toList();
        List<Policy> governing = others.stream()
                .filter(policy -> policy.appliesToEveryService() || policy.service().equals(candidate.service()))
                .toList();
        List<Warning> warnings = new ArrayList<>(ShadowedRules.find(candidate, governing));
        String scope = candidate.appliesToEveryService()
                ? "any service"
                : "service " + candidate.service() + " or \"*\"";
        warnings.addAll(AttributeTypos.find(candidate, candidate.appliesToEveryService() ? others : governing, scope,
                directory, compiler));
        return warnings;
    }
}
