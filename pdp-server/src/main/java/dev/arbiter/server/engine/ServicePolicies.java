package dev.arbiter.server.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The policies governing one service, by id, with two rule tables: the enforced rules, which
 * decide, and all rules including dry-run ones, which make the shadow decision. Without dry-run
 * policies both are the same table.
 */
record ServicePolicies(SortedMap<String, CompiledPolicy> policies, RuleTable enforced, RuleTable all,
        boolean hasDryRun) {

    static final ServicePolicies NONE = of(new TreeMap<>());

    static ServicePolicies of(SortedMap<String, CompiledPolicy> policies) {
        List<CompiledRule> enforced = new ArrayList<>();
        List<CompiledRule> all = new ArrayList<>();
        boolean hasDryRun = false;
        for (CompiledPolicy policy : policies.values()) {
            all.addAll(policy.rules());
            if (policy.isDryRun()) {
                hasDryRun = true;
            } else {
                enforced.addAll(policy.rules());
            }
        }
        RuleTable enforcedTable = RuleTable.of(enforced);
        return new ServicePolicies(Collections.unmodifiableSortedMap(policies), enforcedTable,
                hasDryRun ? RuleTable.of(all) : enforcedTable, hasDryRun);
    }
}
