package dev.arbiter.store.model;

/**
 * What a directory apply changed (or, for a dry run, would change).
 *
 * @param revision the store revision after the apply: the new one when it wrote, else the current one
 * @param written whether it wrote anything (never for a dry run, nor when nothing differs)
 */
public record DirectoryApplyResult(long revision, boolean written, Counts principals, Counts resources) {

    /**
     * Entries created, updated (an existing entry that differs), deleted, and left as they were
     * (given unchanged, or a deletion of an entry that does not exist).
     */
    public record Counts(long created, long updated, long deleted, long unchanged) {

        public boolean changesSomething() {
            return created + updated + deleted > 0;
        }
    }
}
