package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.StoredPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The statements a policy write transaction is made of: bump the revision first, write versions
 * and current rows, notify last. Shared by single writes and bulk applies.
 */
final class PolicyWrites {

    private PolicyWrites() {}

    /** Bumps the store revision; taken first thing, its row lock queues concurrent writers in order. */
    static long nextRevision(Connection connection) throws SQLException {
        return PolicyRows.singleLong(connection, "UPDATE store_revision SET revision = revision + 1 RETURNING revision");
    }

    /** Takes the writers' lock without bumping the revision yet, for a write that may turn out empty. */
    static long lockRevision(Connection connection) throws SQLException {
        return PolicyRows.singleLong(connection, "SELECT revision FROM store_revision FOR UPDATE");
    }

    /** The live version of a policy, locked for this transaction, or null when it does not exist. */
    static Integer lockCurrentVersion(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM policies WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    /**
     * Writes {@code policy} as its next version and makes it the live one.
     *
     * @param restoredFrom the version a rollback restores, or null
     */
    static StoredPolicy write(Connection connection, Policy policy, long revision, String actor, Integer restoredFrom)
            throws SQLException {
        int version = lastVersion(connection, policy.id()) + 1;
        String document = PolicyJson.toDocument(policy);
        Instant updatedAt = insertVersion(connection, policy.id(), version, revision, document, actor, restoredFrom);
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO policies (id, service, version, revision, document, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        + " service = excluded.service, version = excluded.version, revision = excluded.revision,"
                        + " document = excluded.document, updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by")) {
            upsert.setString(1, policy.id());
            upsert.setString(2, policy.service());
            upsert.setInt(3, version);
            upsert.setLong(4, revision);
            upsert.setString(5, document);
            upsert.setObject(6, OffsetDateTime.ofInstant(updatedAt, ZoneOffset.UTC));
            upsert.setString(7, actor);
            upsert.executeUpdate();
        }
        return new StoredPolicy(policy, version, revision, updatedAt, actor);
    }

    /** Records the deletion as the policy's next version and removes the live row. */
    static void delete(Connection connection, String id, long revision, String actor) throws SQLException {
        insertVersion(connection, id, lastVersion(connection, id) + 1, revision, null, actor, null);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM policies WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    static void notifyChange(Connection connection, long revision) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, PolicyRepository.CHANGE_CHANNEL);
            notify.setString(2, Long.toString(revision));
            notify.execute();
        }
    }

    /** The last version ever written, deletions included, so a re-created policy continues its history. */
    private static int lastVersion(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(version), 0) FROM policy_versions WHERE policy_id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static Instant insertVersion(Connection connection, String id, int version, long revision,
            String document, String actor, Integer restoredFrom) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO policy_versions (policy_id, version, revision, deleted, document, updated_at, updated_by,"
                        + " restored_from) VALUES (?, ?, ?, ?, ?::jsonb, now(), ?, ?) RETURNING updated_at")) {
            insert.setString(1, id);
            insert.setInt(2, version);
            insert.setLong(3, revision);
            insert.setBoolean(4, document == null);
            insert.setString(5, document);
            insert.setString(6, actor);
            if (restoredFrom == null) {
                insert.setNull(7, Types.INTEGER);
            } else {
                insert.setInt(7, restoredFrom);
            }
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }
}
