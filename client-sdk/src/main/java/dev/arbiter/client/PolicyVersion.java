package dev.arbiter.client;

import java.time.Instant;

/**
 * One version in a policy's history: who wrote it and when.
 *
 * @param deleted whether this version is the policy's deletion
 * @param restoredFrom the version a rollback restored, or null for an edit
 * @param service the policy's service at this version, null for a deletion
 * @param mode the policy's mode at this version, null for a deletion
 */
public record PolicyVersion(int version, long revision, boolean deleted, Instant updatedAt, String updatedBy,
        Integer restoredFrom, String service, PolicyMode mode) {}
