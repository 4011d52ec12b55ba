package dev.arbiter.client;

import java.util.List;

/** Policy ids by what applying a bundle does (or would do) to each. */
public record PolicyChanges(List<String> created, List<String> updated, List<String> deleted,
        List<String> unchanged) {

    public PolicyChanges {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        deleted = List.copyOf(deleted);
        unchanged = List.copyOf(unchanged);
    }

    /** Whether applying writes anything. */
    public boolean writes() {
        return !created.isEmpty() || !updated.isEmpty() || !deleted.isEmpty();
    }
}
