package dev.arbiter.client;

import java.time.Instant;

/**
 * A policy as the server holds it.
 *
 * @param version per-policy version (1, 2, …); its ETag, for conditional writes
 * @param revision the store revision that wrote this version; pass it as a check's
 *     {@code minRevision} to be sure a decision sees this version
 * @param updatedBy the name of the key that wrote it
 */
public record StoredPolicy(Policy policy, int version, long revision, Instant updatedAt, String updatedBy) {}
