package dev.arbiter.server.engine;

import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable snapshot of every policy, and of the directory, at one store revision, indexed for
 * decisions. A change makes a new snapshot that rebuilds only the rule tables of the services it
 * touches (or the directory shards it touches) and shares everything else with this one.
 */
public final class PolicySet {

    private final long revision;
    private final ShardedMap<String, CompiledPolicy> byId;
    private final ShardedMap<String, ServicePolicies> byService;
    private final Directory directory;
    /** Kept up to date change by change, so that reading it (a metrics scrape) costs nothing. */
    private final int ruleCount;

    private PolicySet(long revision, ShardedMap<String, CompiledPolicy> byId,
            ShardedMap<String, ServicePolicies> byService, Directory directory, int ruleCount) {
        this.revision = revision;
        this.byId = byId;
        this.byService = byService;
        this.directory = directory;
        this.ruleCount = ruleCount;
    }

    public static PolicySet empty() {
        return new PolicySet(0, ShardedMap.empty(), ShardedMap.empty(), Directory.EMPTY, 0);
    }

    public static PolicySet of(long revision, Collection<CompiledPolicy> compiled) {
        return empty().with(revision, compiled, List.of());
    }

    /** A new snapshot at {@code revision} with {@code written} added or replaced and {@code deleted} removed. */
    public PolicySet with(long revision, Collection<CompiledPolicy> written, Collection<String> deleted) {
        Map<String, CompiledPolicy> idChanges = new HashMap<>();
        Map<String, TreeMap<String, CompiledPolicy>> touched = new HashMap<>();
        for (String id : deleted) {
            remove(id, idChanges, touched);
        }
        for (CompiledPolicy policy : written) {
            remove(policy.id(), idChanges, touched);
            idChanges.put(policy.id(), policy);
            touchedService(policy.service(), touched).put(policy.id(), policy);
        }
        Map<String, ServicePolicies> serviceChanges = new HashMap<>();
        touched.forEach((service, policies) ->
                serviceChanges.put(service, policies.isEmpty() ? null : ServicePolicies.of(policies)));
        int rules = ruleCount;
        for (Map.Entry<String, CompiledPolicy> change : idChanges.entrySet()) {
            rules += rulesOf(change.getValue()) - rulesOf(byId.get(change.getKey()));
        }
        return new PolicySet(revision, byId.with(idChanges), byService.with(serviceChanges), directory, rules);
    }

    private static int rulesOf(CompiledPolicy policy) {
        return policy == null ? 0 : policy.rules().size();
    }

    /** A new snapshot at {@code revision} with {@code next} as its directory. */
    public PolicySet with(long revision, Directory next) {
        return new PolicySet(revision, byId, byService, next, ruleCount);
    }

    public Directory directory() {
        return directory;
    }

    /** Records the removal of {@code id}, wherever it currently is; null in {@code idChanges} means removed. */
    private void remove(String id, Map<String, CompiledPolicy> idChanges,
            Map<String, TreeMap<String, CompiledPolicy>> touched) {
        CompiledPolicy current = idChanges.containsKey(id) ? idChanges.get(id) : byId.get(id);
        if (current != null) {
            idChanges.put(id, null);
            touchedService(current.service(), touched).remove(id);
        }
    }

    /** The editable copy of a service's policies, made on first touch. */
    private TreeMap<String, CompiledPolicy> touchedService(String service,
            Map<String, TreeMap<String, CompiledPolicy>> touched) {
        return touched.computeIfAbsent(service, s -> {
            ServicePolicies current = byService.get(s);
            return current == null ? new TreeMap<>() : new TreeMap<>(current.policies());
        });
    }

    public long revision() {
        return revision;
    }

    public int size() {
        return byId.size();
    }

    /** The rules of all policies, dry-run ones included. */
    public int ruleCount() {
        return ruleCount;
    }

    /**
     * The policies applying {@code bundle} would replace or delete: those of the services it names
     * and those whose id it holds, by id.
     */
    public Map<String, CompiledPolicy> governedBy(PolicyBundle bundle) {
        Map<String, CompiledPolicy> governed = new HashMap<>();
        bundle.services().forEach(service -> governed.putAll(policiesOf(service).policies()));
        for (String id : bundle.ids()) {
            CompiledPolicy policy = byId.get(id);
            if (policy != null) {
                governed.put(id, policy);
            }
        }
        return governed;
    }

    /**
     * The action names the rules applying to {@code service} name literally (its own and the
     * organisation-wide ones'), sorted; actions only a wildcard pattern names cannot be listed.
     */
    public SortedSet<String> literalActions(String service) {
        SortedSet<String> actions = new TreeSet<>();
        for (ServicePolicies policies : List.of(policiesOf(service), policiesOf(Policy.EVERY_SERVICE))) {
            policies.policies().values().forEach(policy -> policy.rules()
                    .forEach(rule -> actions.addAll(rule.literalActions())));
        }
        return actions;
    }

    /** The policies whose {@code service} is exactly this one ("*" for organisation-wide ones). */
    ServicePolicies policiesOf(String service) {
        ServicePolicies policies = byService.get(service);
        return policies != null ? policies : ServicePolicies.NONE;
    }
}
