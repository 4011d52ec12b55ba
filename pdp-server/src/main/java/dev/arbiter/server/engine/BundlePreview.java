package dev.arbiter.server.engine;

import dev.arbiter.store.model.BundleDiff;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.StoredPolicy;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The policies as they would be with a bundle applied, in memory only: the same "make the store
 * equal to this bundle for the services it names" as an apply, derived from a snapshot instead of
 * written to the store.
 *
 * @param policies the snapshot with the bundle applied
 * @param diff what the apply would create, update and delete
 * @param governedServices the services whose decisions the bundle can change: those it names and
 *     those of the stored policies it replaces or deletes; "*" among them means every service
 */
public record BundlePreview(PolicySet policies, BundleDiff diff, SortedSet<String> governedServices) {

    public BundlePreview {
        governedServices = Collections.unmodifiableSortedSet(new TreeSet<>(governedServices));
    }

    /** {@code current} with {@code bundle} applied; every policy of the bundle must be valid. */
    public static BundlePreview of(PolicySet current, PolicyBundle bundle, PolicyCompiler compiler) {
        Map<String, CompiledPolicy> governed = current.governedBy(bundle);
        SortedSet<String> services = new TreeSet<>(bundle.services());
        governed.values().forEach(policy -> services.add(policy.service()));
        Map<String, Policy> live = new HashMap<>();
        governed.forEach((id, policy) -> live.put(id, policy.stored().policy()));
        BundleDiff diff = BundleDiff.between(bundle, live);
        List<CompiledPolicy> written = diff.toWrite().stream()
                .map(policy -> compiler.compile(unstored(policy, current.revision())))
                .toList();
        return new BundlePreview(current.with(current.revision(), written, diff.deleted()), diff, services);
    }

    /** Whether the bundle governs a "*" policy, which applies to every service. */
    public boolean governsEveryService() {
        return governedServices.contains(Policy.EVERY_SERVICE);
    }

    /** A candidate as the engine holds policies; version 0, since it was never stored. */
    private static StoredPolicy unstored(Policy policy, long revision) {
        return new StoredPolicy(policy, 0, revision, Instant.EPOCH, "");
    }
}
