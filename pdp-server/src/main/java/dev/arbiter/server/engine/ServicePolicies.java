package dev.arbiter.server.engine;

import dev.arbiter.store.PolicyMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

/** The policies governing one service, by id, and the rule table of the enforced ones. */
record ServicePolicies(SortedMap<String, CompiledPolicy> policies, RuleTable enforced) {

    static ServicePolicies of(SortedMap<String, CompiledPolicy> policies) {
        List<CompiledRule> rules = new ArrayList<>();
        for (CompiledPolicy policy : policies.values()) {
            if (policy.stored().policy().mode() == PolicyMode.ENFORCE) {
                rules.addAll(policy.rules());
            }
        }
        return new ServicePolicies(Collections.unmodifiableSortedMap(policies), RuleTable.of(rules));
    }
}
