package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.ApplyResult;
import dev.arbiter.store.model.BundleDiff;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the store equal to a bundle for the services it names: plans the difference against the
 * live policies, then writes it in the caller's transaction under one new revision. A plan that
 * changes nothing writes nothing.
 */
final class BundleApply {

    private final long revision;
    private final BundleDiff diff;

    private BundleApply(long revision, BundleDiff diff) {
        this.revision = revision;
        this.diff = diff;
    }

    /**
     * Compares the bundle with the live policies in its scope: those of the services it names and
     * those whose id it holds (a policy may move between services).
     *
     * @param unchangedSince when present, fail unless no policy in scope changed after this revision
     */
    static BundleApply plan(Connection connection, long revision, PolicyBundle bundle, OptionalLong unchangedSince)
            throws SQLException {
        if (unchangedSince.isPresent()) {
            requireUnchangedSince(connection, revision, unchangedSince.getAsLong(), bundle);
        }
        Map<String, Policy> governed = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + PolicyRows.COLUMNS
                + " FROM policies WHERE service = ANY(?) OR id = ANY(?)")) {
            select.setArray(1, textArray(connection, bundle.services()));
            select.setArray(2, textArray(connection, bundle.ids()));
            PolicyRows.storedPolicies(select).forEach(stored -> governed.put(stored.id(), stored.policy()));
        }
        return new BundleApply(revision, BundleDiff.between(bundle, governed));
    }

    /** Writes the plan under one new revision; answers what it did. */
    ApplyResult write(Connection connection, String actor) throws SQLException {
        if (diff.changesNothing()) {
            return diff.result(revision, false);
        }
        long next = PolicyWrites.nextRevision(connection);
        for (Policy policy : diff.toWrite()) {
            PolicyWrites.write(connection, policy, next, actor, null);
        }
        for (String id : diff.deleted()) {
            PolicyWrites.delete(connection, id, next, actor);
        }
        PolicyWrites.notifyChange(connection, next);
        return diff.result(next, true);
    }

    ApplyResult dryRun() {
        return diff.result(revision, false);
    }

    /**
     * Fails when a policy that is, was or becomes part of the bundle's scope got a version after
     * {@code since}: one written into a named service, one of the bundle's ids, or one whose
     * previous version belonged to a named service (moved out or deleted since).
     */
    private static void requireUnchangedSince(Connection connection, long current, long since, PolicyBundle bundle)
            throws SQLException {
        if (since > current) {
            throw new PreconditionFailedException("the store is at revision " + current
                    + ", older than the expected revision " + since + "; is this the right store?");
        }
        Set<String> changed = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT v.policy_id FROM policy_versions v WHERE v.revision > ?"
                        + " AND (v.policy_id = ANY(?) OR v.document->>'service' = ANY(?)"
                        + " OR EXISTS (SELECT 1 FROM policy_versions p WHERE p.policy_id = v.policy_id"
                        + " AND p.version = v.version - 1 AND p.document->>'service' = ANY(?)))")) {
            Array services = textArray(connection, bundle.services());
            select.setLong(1, since);
            select.setArray(2, textArray(connection, bundle.ids()));
            select.setArray(3, services);
            select.setArray(4, services);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changed.add(rows.getString(1));
                }
            }
        }
        if (!changed.isEmpty()) {
            throw new PreconditionFailedException("policies in the scope of this apply changed after revision "
                    + since + ": " + String.join(", ", changed) + "; the store is at revision " + current
                    + "; review the difference again and reapply");
        }
    }

    private static Array textArray(Connection connection, Set<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
