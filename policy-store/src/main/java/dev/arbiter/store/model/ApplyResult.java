package dev.arbiter.store.model;

import java.util.List;

/**
 * What applying a bundle changes (or, for a dry run, would change); ids sorted in each list.
 *
 * @param revision the store revision after the apply: the new one when it wrote, else the current one
 * @param written whether the apply wrote anything (never for a dry run, nor when nothing differs)
 */
public record ApplyResult(long revision, boolean written, List<String> created, List<String> updated,
        List<String> deleted, List<String> unchanged) {

    public ApplyResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        unchanged = List.copyOf(unchanged);
    }
}
