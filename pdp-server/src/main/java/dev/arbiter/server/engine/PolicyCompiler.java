package dev.arbiter.server.engine;

import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyMode;
import dev.arbiter.store.model.PolicyValidator;
import dev.arbiter.store.model.Problem;
import dev.arbiter.store.model.Rule;
import dev.arbiter.store.model.StoredPolicy;
import java.util.ArrayList;
import java.util.List;

/** Validates a policy and compiles its conditions: the full check a policy passes before it is stored. */
public final class PolicyCompiler {

    private final ConditionCompiler conditions;

    public PolicyCompiler(ConditionCompiler conditions) {
        this.conditions = conditions;
    }

    /** Every problem of the policy: structural ones and CEL errors with line and column. Empty when valid. */
    public List<Problem> check(Policy policy) {
        List<Problem> problems = new ArrayList<>(PolicyValidator.validate(policy));
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            if (rule.hasCondition() && !rule.condition().isBlank()) {
                String path = "rules[" + i + "].condition";
                if (conditions.compile(rule.condition(), path) instanceof ConditionCompiler.Compilation.Rejected rejected) {
                    rejected.problems().forEach(problem -> problems.add(problem.withRule(rule.name())));
                }
            }
        }
        return problems;
    }

    /**
     * Every problem of a bundle: those of the bundle as a whole, and each policy's located under
     * {@code policies[i]}. Empty when every policy may be stored.
     */
    public List<Problem> check(PolicyBundle bundle) {
        List<Problem> problems = new ArrayList<>(PolicyValidator.validate(bundle));
        for (int i = 0; i < bundle.policies().size(); i++) {
            String prefix = "policies[" + i + "]";
            check(bundle.policies().get(i)).forEach(problem -> problems.add(problem.under(prefix)));
        }
        return problems;
    }

    /**
     * Compiles a stored policy for the engine. Stored policies passed {@link #check} when written;
     * should a condition still not compile (say, after an upgrade of the CEL library), its rule is
     * kept with a condition that always fails, so it can deny but never allow.
     */
    public CompiledPolicy compile(StoredPolicy stored) {
        Policy policy = stored.policy();
        List<CompiledRule> rules = new ArrayList<>(policy.rules().size());
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            rules.add(new CompiledRule(policy.id(), i, rule, rule.hasCondition() ? condition(rule, i) : null,
                    policy.mode() == PolicyMode.DRY_RUN));
        }
        return new CompiledPolicy(stored, rules);
    }

    /**
     * Compiles many stored policies on every core: type-checking CEL dominates a cold start with
     * many distinct conditions. The same policies, in the same order, as compiling one by one.
     */
    public List<CompiledPolicy> compileAll(List<StoredPolicy> policies) {
        return policies.parallelStream().map(this::compile).toList();
    }

    /** The request members a condition reads by name; none for a condition that does not compile. */
    public List<AttributeRead> attributeReads(String condition) {
        return conditions.compile(condition, "") instanceof ConditionCompiler.Compilation.Compiled compiled
                ? compiled.condition().reads()
                : List.of();
    }

    private Condition condition(Rule rule, int position) {
        ConditionCompiler.Compilation compilation = conditions.compile(rule.condition(), "rules[" + position + "].condition");
        if (compilation instanceof ConditionCompiler.Compilation.Compiled compiled) {
            return compiled.condition();
        }
        List<Problem> problems = ((ConditionCompiler.Compilation.Rejected) compilation).problems();
        return Condition.failing(rule.condition(), "the condition does not compile: " + problems.get(0).message());
    }
}
