package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.ApplyResult;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.StoredPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Policies in PostgreSQL. Every write is one transaction that bumps the store revision exactly
 * once, records an immutable version, and notifies {@link #CHANGE_CHANNEL} with the new revision.
 * All methods block: call them off the event loop.
 */
public final class PolicyRepository {

    /** The LISTEN/NOTIFY channel that carries each new store revision. */
    public static final String CHANGE_CHANNEL = "arbiter_changes";

    private final DataSource dataSource;

    public PolicyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredPolicy> find(String id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + PolicyRows.COLUMNS + " FROM policies WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(PolicyRows.storedPolicy(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every live policy, or only those whose {@code service} equals the given one. */
    public PolicyListing list(Optional<String> service) {
        return Jdbc.read(dataSource, connection -> listing(connection, service));
    }

    /** As {@link #list}, in the caller's transaction. */
    static PolicyListing listing(Connection connection, Optional<String> service) throws SQLException {
        long revision = PolicyRows.currentRevision(connection);
        String sql = "SELECT " + PolicyRows.COLUMNS + " FROM policies"
                + (service.isPresent() ? " WHERE service = ?" : "") + " ORDER BY id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (service.isPresent()) {
                select.setString(1, service.get());
            }
            return new PolicyListing(revision, PolicyRows.storedPolicies(select));
        }
    }

    public long currentRevision() {
        return Jdbc.read(dataSource, PolicyRows::currentRevision);
    }

    /** Everything written after {@code revision}, as of one consistent snapshot. */
    public PolicyChanges changesSince(long revision) {
        return Jdbc.read(dataSource, connection -> changes(connection, revision));
    }

    /** As {@link #changesSince}, in the caller's transaction. */
    static PolicyChanges changes(Connection connection, long revision) throws SQLException {
        long current = PolicyRows.currentRevision(connection);
        List<StoredPolicy> written = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT ON (policy_id) policy_id, version, revision, document::text, updated_at, updated_by,"
                        + " deleted FROM policy_versions WHERE revision > ? ORDER BY policy_id, version DESC")) {
            select.setLong(1, revision);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getBoolean("deleted")) {
                        deleted.add(rows.getString(1));
                    } else {
                        written.add(PolicyRows.storedPolicy(rows));
                    }
                }
            }
        }
        return new PolicyChanges(current, written, deleted);
    }

    /** Creates or replaces a policy; the caller has validated and compiled it. */
    public PolicyWrite put(Policy policy, Precondition precondition, String actor) {
        return write(policy, precondition, actor, null);
    }

    /**
     * Writes an earlier version again as the policy's next version (a rollback), re-creating the
     * policy if it was deleted since. The caller has checked that the old policy still compiles.
     */
    public PolicyWrite restore(PolicyVersion earlier, Precondition precondition, String actor) {
        if (earlier.deleted()) {
            throw new IllegalArgumentException("version " + earlier.version() + " is a deletion");
        }
        return write(earlier.policy(), precondition, actor, earlier.version());
    }

    private PolicyWrite write(Policy policy, Precondition precondition, String actor, Integer restoredFrom) {
        return Jdbc.write(dataSource, connection -> {
            long revision = PolicyWrites.nextRevision(connection);
            Integer current = PolicyWrites.lockCurrentVersion(connection, policy.id());
            precondition.check(policy.id(), current);
            StoredPolicy stored = PolicyWrites.write(connection, policy, revision, actor, restoredFrom);
            PolicyWrites.notifyChange(connection, revision);
            return new PolicyWrite(stored, current == null);
        });
    }

    /** Deletes a live policy, keeping its history; answers the revision of the deletion. */
    public long delete(String id, Precondition precondition, String actor) {
        return Jdbc.write(dataSource, connection -> {
            long revision = PolicyWrites.nextRevision(connection);
            Integer current = PolicyWrites.lockCurrentVersion(connection, id);
            if (current == null) {
                throw new PolicyNotFoundException(id);
            }
            precondition.check(id, current);
            PolicyWrites.delete(connection, id, revision, actor);
            PolicyWrites.notifyChange(connection, revision);
            return revision;
        });
    }

    /** Every version of a policy, deletions included, newest first; empty when the id was never written. */
    public List<PolicyVersion> history(String id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + PolicyRows.VERSION_COLUMNS
                    + " FROM policy_versions WHERE policy_id = ? ORDER BY version DESC")) {
                select.setString(1, id);
                List<PolicyVersion> versions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        versions.add(PolicyRows.policyVersion(rows));
                    }
                }
                return versions;
            }
        });
    }

    public Optional<PolicyVersion> version(String id, int version) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + PolicyRows.VERSION_COLUMNS
                    + " FROM policy_versions WHERE policy_id = ? AND version = ?")) {
                select.setString(1, id);
                select.setInt(2, version);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(PolicyRows.policyVersion(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Makes the store hold exactly the bundle's policies for the services it names, in one
     * transaction under one new revision; writes nothing (and keeps the revision) when nothing
     * differs. The caller has validated and compiled every policy.
     *
     * @param unchangedSince when present, fail with {@link PreconditionFailedException} if a policy
     *     in the bundle's scope changed after this revision
     */
    public ApplyResult apply(PolicyBundle bundle, OptionalLong unchangedSince, String actor) {
        return Jdbc.write(dataSource, connection -> {
            long revision = PolicyWrites.lockRevision(connection);
            return BundleApply.plan(connection, revision, bundle, unchangedSince).write(connection, actor);
        });
    }

    /** What {@link #apply} would do now, without writing. */
    public ApplyResult planApply(PolicyBundle bundle, OptionalLong unchangedSince) {
        return Jdbc.read(dataSource, connection -> BundleApply
                .plan(connection, PolicyRows.currentRevision(connection), bundle, unchangedSince)
                .dryRun());
    }
}
