package dev.arbiter.client;

/**
 * What a directory apply changed, or for a dry run would change.
 *
 * @param revision the store revision after it (a consistency token for checks when it wrote)
 */
public record DirectoryApplied(boolean dryRun, long revision, Counts principals, Counts resources) {

    /** Entries created, updated, deleted, and left as they were. */
    public record Counts(long created, long updated, long deleted, long unchanged) {}
}
