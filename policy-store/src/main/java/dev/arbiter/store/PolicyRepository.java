package dev.arbiter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Policies in PostgreSQL. Every write is one transaction that bumps the store revision exactly
 * once, records an immutable version, and notifies {@link #CHANGE_CHANNEL} with the new revision.
 * All methods block: call them off the event loop.
 */
public final class PolicyRepository {

    /** The LISTEN/NOTIFY channel that carries each new store revision. */
    public static final String CHANGE_CHANNEL = "arbiter_changes";

    private static final String COLUMNS = "id, version, revision, document::text, updated_at, updated_by";

    private final DataSource dataSource;

    public PolicyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredPolicy> find(String id) {
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM policies WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(storedPolicy(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every live policy, or only those whose {@code service} equals the given one. */
    public PolicyListing list(Optional<String> service) {
        return Jdbc.read(dataSource, connection -> {
            long revision = currentRevision(connection);
            String sql = "SELECT " + COLUMNS + " FROM policies"
                    + (service.isPresent() ? " WHERE service = ?" : "") + " ORDER BY id";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (service.isPresent()) {
                    select.setString(1, service.get());
                }
                return new PolicyListing(revision, storedPolicies(select));
            }
        });
    }

    public long currentRevision() {
        return Jdbc.read(dataSource, PolicyRepository::currentRevision);
    }

    /** Everything written after {@code revision}, as of one consistent snapshot. */
    public PolicyChanges changesSince(long revision) {
        return Jdbc.read(dataSource, connection -> {
            long current = currentRevision(connection);
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
                            written.add(storedPolicy(rows));
                        }
                    }
                }
            }
            return new PolicyChanges(current, written, deleted);
        });
    }

    /** Creates or replaces a policy; the caller has validated and compiled it. */
    public PolicyWrite put(Policy policy, Precondition precondition, String actor) {
        return Jdbc.write(dataSource, connection -> {
            long revision = nextRevision(connection);
            Integer current = lockCurrentVersion(connection, policy.id());
            precondition.check(policy.id(), current);
            int version = lastVersion(connection, policy.id()) + 1;
            String document = PolicyJson.toDocument(policy);
            Instant updatedAt = insertVersion(connection, policy.id(), version, revision, document, actor);
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
            notifyChange(connection, revision);
            return new PolicyWrite(new StoredPolicy(policy, version, revision, updatedAt, actor), current == null);
        });
    }

    /** Deletes a live policy, keeping its history; answers the revision of the deletion. */
    public long delete(String id, Precondition precondition, String actor) {
        return Jdbc.write(dataSource, connection -> {
            long revision = nextRevision(connection);
            Integer current = lockCurrentVersion(connection, id);
            if (current == null) {
                throw new PolicyNotFoundException(id);
            }
            precondition.check(id, current);
            insertVersion(connection, id, lastVersion(connection, id) + 1, revision, null, actor);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM policies WHERE id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            notifyChange(connection, revision);
            return revision;
        });
    }

    private static long currentRevision(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT revision FROM store_revision");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Bumps the store revision first thing, so concurrent writers queue here and commit in order. */
    private static long nextRevision(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE store_revision SET revision = revision + 1 RETURNING revision");
                ResultSet rows = update.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Integer lockCurrentVersion(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM policies WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
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
            String document, String actor) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO policy_versions (policy_id, version, revision, deleted, document, updated_at, updated_by)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, now(), ?) RETURNING updated_at")) {
            insert.setString(1, id);
            insert.setInt(2, version);
            insert.setLong(3, revision);
            insert.setBoolean(4, document == null);
            insert.setString(5, document);
            insert.setString(6, actor);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static void notifyChange(Connection connection, long revision) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANGE_CHANNEL);
            notify.setString(2, Long.toString(revision));
            notify.execute();
        }
    }

    private static List<StoredPolicy> storedPolicies(PreparedStatement select) throws SQLException {
        List<StoredPolicy> policies = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                policies.add(storedPolicy(rows));
            }
        }
        return policies;
    }

    /** Maps the columns id, version, revision, document, updated_at, updated_by (in that order). */
    private static StoredPolicy storedPolicy(ResultSet rows) throws SQLException {
        return new StoredPolicy(
                PolicyJson.fromDocument(rows.getString(4)),
                rows.getInt(2),
                rows.getLong(3),
                rows.getObject(5, OffsetDateTime.class).toInstant(),
                rows.getString(6));
    }
}
