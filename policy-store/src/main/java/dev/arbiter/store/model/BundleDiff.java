package dev.arbiter.store.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What applying a bundle changes, compared with the live policies it governs: the policies to
 * write (new or different, in bundle order) and the ids created, updated, deleted and left
 * unchanged (each sorted). The same comparison serves the apply in the database and its preview
 * in memory.
 */
public record BundleDiff(List<Policy> toWrite, List<String> created, List<String> updated, List<String> deleted,
        List<String> unchanged) {

    public BundleDiff {
        toWrite = List.copyOf(toWrite);
        created = sorted(created);
        updated = sorted(updated);
        deleted = sorted(deleted);
        unchanged = sorted(unchanged);
    }

    /**
     * @param governed the live policies the bundle governs, by id: those of the services it names and those
     *     whose id it holds
     */
    public static BundleDiff between(PolicyBundle bundle, Map<String, Policy> governed) {
        Map<String, Policy> left = new HashMap<>(governed);
        List<Policy> toWrite = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Policy policy : bundle.policies()) {
            Policy current = left.remove(policy.id());
            if (current == null) {
                created.add(policy.id());
                toWrite.add(policy);
            } else if (current.equals(policy)) {
                unchanged.add(policy.id());
            } else {
                updated.add(policy.id());
                toWrite.add(policy);
            }
        }
        return new BundleDiff(toWrite, created, updated, new ArrayList<>(left.keySet()), unchanged);
    }

    /** Whether applying would write nothing. */
    public boolean changesNothing() {
        return toWrite.isEmpty() && deleted.isEmpty();
    }

    /** What the apply answers: this diff, at {@code revision}, written or not. */
    public ApplyResult result(long revision, boolean written) {
        return new ApplyResult(revision, written, created, updated, deleted, unchanged);
    }

    private static List<String> sorted(List<String> ids) {
        return List.copyOf(new TreeSet<>(ids));
    }
}
