package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.StoredPolicy;
import java.util.List;

/**
 * What changed between a revision a reader holds and {@code revision}: the latest version of
 * every policy written since, and the ids deleted since.
 */
public record PolicyChanges(long revision, List<StoredPolicy> written, List<String> deleted) {

    public PolicyChanges {
        written = List.copyOf(written);
        deleted = List.copyOf(deleted);
    }
}
