package dev.arbiter.store.model;

import java.time.Instant;

/**
 * A policy as the store holds it.
 *
 * @param version per-policy version, 1, 2, …
 * @param revision the store revision that wrote this version
 * @param updatedBy the name of the API key that wrote it
 */
public record StoredPolicy(Policy policy, int version, long revision, Instant updatedAt, String updatedBy) {

    public String id() {
        return policy.id();
    }
}
