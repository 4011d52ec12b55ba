package dev.arbiter.server.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of every policy at one store revision, indexed for decisions. A change
 * makes a new snapshot that rebuilds only the rule tables of the services it touches.
 */
public final class PolicySet {

    private final long revision;
    private final Map<String, CompiledPolicy> byId;
    private final Map<String, ServicePolicies> byService;

    private PolicySet(long revision, Map<String, CompiledPolicy> byId, Map<String, ServicePolicies> byService) {
        this.revision = revision;
        this.byId = byId;
        this.byService = byService;
    }

    public static PolicySet empty() {
        return new PolicySet(0, Map.of(), Map.of());
    }

    public static PolicySet of(long revision, Collection<CompiledPolicy> compiled) {
        return empty().with(revision, compiled, List.of());
    }

    /** A new snapshot at {@code revision} with {@code written} added or replaced and {@code deleted} removed. */
    public PolicySet with(long revision, Collection<CompiledPolicy> written, Collection<String> deleted) {
        Map<String, CompiledPolicy> nextById = new HashMap<>(byId);
        Map<String, TreeMap<String, CompiledPolicy>> touched = new HashMap<>();
        for (String id : deleted) {
            remove(id, nextById, touched);
        }
        for (CompiledPolicy policy : written) {
            remove(policy.id(), nextById, touched);
            nextById.put(policy.id(), policy);
            touchedService(policy.service(), touched).put(policy.id(), policy);
        }
        Map<String, ServicePolicies> nextByService = new HashMap<>(byService);
        touched.forEach((service, policies) -> {
            if (policies.isEmpty()) {
                nextByService.remove(service);
            } else {
                nextByService.put(service, ServicePolicies.of(policies));
            }
        });
        return new PolicySet(revision, nextById, nextByService);
    }

    private void remove(String id, Map<String, CompiledPolicy> nextById,
            Map<String, TreeMap<String, CompiledPolicy>> touched) {
        CompiledPolicy removed = nextById.remove(id);
        if (removed != null) {
            touchedService(removed.service(), touched).remove(id);
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

    /** The policies whose {@code service} is exactly this one ("*" for organisation-wide ones). */
    ServicePolicies policiesOf(String service) {
        ServicePolicies policies = byService.get(service);
        return policies != null ? policies : ServicePolicies.NONE;
    }
}
