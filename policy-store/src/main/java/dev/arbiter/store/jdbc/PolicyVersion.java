package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.Policy;
import java.time.Instant;

/**
 * One immutable entry of a policy's history: a create, a replace, a rollback or a deletion.
 *
 * @param policy the policy as this version wrote it, or null when this version deleted it
 * @param revision the store revision that wrote this version
 * @param updatedBy the name of the API key that wrote it
 * @param restoredFrom the version a rollback restored, or null for any other write
 */
public record PolicyVersion(String id, int version, long revision, Policy policy, Instant updatedAt,
        String updatedBy, Integer restoredFrom) {

    public boolean deleted() {
        return policy == null;
    }
}
