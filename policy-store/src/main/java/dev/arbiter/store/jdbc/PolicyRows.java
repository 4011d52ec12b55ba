package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.StoredPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of the policy tables into records; shared by every query of the store. */
final class PolicyRows {

    /** The columns {@link #storedPolicy} maps, in its order. */
    static final String COLUMNS = "id, version, revision, document::text, updated_at, updated_by";
    /** The columns {@link #policyVersion} maps, in its order. */
    static final String VERSION_COLUMNS =
            "policy_id, version, revision, document::text, updated_at, updated_by, restored_from";

    private PolicyRows() {}

    static long currentRevision(Connection connection) throws SQLException {
        return singleLong(connection, "SELECT revision FROM store_revision");
    }

    /** Runs a statement that answers one row of one bigint column. */
    static long singleLong(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static List<StoredPolicy> storedPolicies(PreparedStatement select) throws SQLException {
        List<StoredPolicy> policies = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                policies.add(storedPolicy(rows));
            }
        }
        return policies;
    }

    /** Maps the columns of {@link #VERSION_COLUMNS}, in that order. */
    static PolicyVersion policyVersion(ResultSet rows) throws SQLException {
        String document = rows.getString(4);
        Integer restoredFrom = rows.getObject(7, Integer.class);
        return new PolicyVersion(
                rows.getString(1),
                rows.getInt(2),
                rows.getLong(3),
                document == null ? null : PolicyJson.fromDocument(document),
                rows.getObject(5, OffsetDateTime.class).toInstant(),
                rows.getString(6),
                restoredFrom);
    }

    /** Maps the columns id, version, revision, document, updated_at, updated_by (in that order). */
    static StoredPolicy storedPolicy(ResultSet rows) throws SQLException {
        return new StoredPolicy(
                PolicyJson.fromDocument(rows.getString(4)),
                rows.getInt(2),
                rows.getLong(3),
                rows.getObject(5, OffsetDateTime.class).toInstant(),
                rows.getString(6));
    }
}
