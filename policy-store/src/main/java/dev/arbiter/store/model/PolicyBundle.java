package dev.arbiter.store.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The desired policies of some services, as policy-as-code keeps them: applying a bundle makes
 * the store hold exactly {@code policies} for every service in {@code services}.
 *
 * @param services the services the bundle governs; its policies must belong to them
 */
public record PolicyBundle(SortedSet<String> services, List<Policy> policies) {

    public PolicyBundle {
        services = Collections.unmodifiableSortedSet(new TreeSet<>(services));
        policies = List.copyOf(policies);
    }

    /** A bundle governing exactly the services its policies name. */
    public static PolicyBundle ofPolicies(List<Policy> policies) {
        SortedSet<String> services = new TreeSet<>();
        policies.forEach(policy -> services.add(policy.service()));
        return new PolicyBundle(services, policies);
    }

    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        policies.forEach(policy -> ids.add(policy.id()));
        return ids;
    }
}
