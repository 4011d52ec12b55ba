package dev.arbiter.client;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The desired policies of some services, as a repository of policies as code holds them: applying
 * a bundle makes the store hold exactly these policies for the services it governs.
 *
 * @param services the services it governs; empty for those its policies name
 */
public record PolicyBundle(List<Policy> policies, SortedSet<String> services) {

    public PolicyBundle {
        policies = List.copyOf(policies);
        services = Collections.unmodifiableSortedSet(new TreeSet<>(services));
        services.forEach(service -> Checks.requireText(service, "service"));
    }

    /** The bundle governing the services its policies name. */
    public static PolicyBundle of(Policy... policies) {
        return of(List.of(policies));
    }

    public static PolicyBundle of(List<Policy> policies) {
        return new PolicyBundle(policies, new TreeSet<>());
    }

    /**
     * This bundle governing exactly {@code services}: their policies that it does not hold are
     * deleted on apply (with no policies, every policy of those services is).
     */
    public PolicyBundle governing(String... services) {
        return new PolicyBundle(policies, new TreeSet<>(List.of(services)));
    }
}
