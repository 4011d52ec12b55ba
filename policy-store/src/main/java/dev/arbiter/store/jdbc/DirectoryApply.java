package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.DirectoryApplyResult;
import dev.arbiter.store.model.DirectoryChanges;
import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One directory apply, in one transaction: the entries are loaded into temporary tables, compared
 * with the stored ones (created, updated, deleted, unchanged), and, unless it is a dry run or
 * nothing differs, written under one new store revision, deletions as tombstones, and announced.
 */
final class DirectoryApply {

    private static final int BATCH = 1_000;
    /** An entry of the incoming set differs from the live one (or there is none). */
    private static final String PRINCIPAL_CHANGED = "(p.id IS NULL OR p.deleted OR (p.type, p.roles, p.attr)"
            + " IS DISTINCT FROM (i.type, i.roles, i.attr))";
    private static final String RESOURCE_CHANGED = "(r.id IS NULL OR r.deleted OR r.attr IS DISTINCT FROM i.attr)";
    private static final String PRINCIPAL_JOIN = " FROM incoming_principals i LEFT JOIN principals p ON p.id = i.id";
    private static final String RESOURCE_JOIN = " FROM incoming_resources i LEFT JOIN resources r"
            + " ON (r.service, r.kind, r.id) = (i.service, i.kind, i.id)";

    private DirectoryApply() {}

    static DirectoryApplyResult run(Connection connection, DirectoryChanges changes, String actor, boolean dryRun)
            throws SQLException {
        long revision = PolicyWrites.lockRevision(connection);
        stage(connection, changes);
        DirectoryApplyResult.Counts principals = counts(connection, PRINCIPAL_JOIN, "p", PRINCIPAL_CHANGED);
        DirectoryApplyResult.Counts resources = counts(connection, RESOURCE_JOIN, "r", RESOURCE_CHANGED);
        if (dryRun || !(principals.changesSomething() || resources.changesSomething())) {
            return new DirectoryApplyResult(revision, false, principals, resources);
        }
        long next = PolicyWrites.nextRevision(connection);
        write(connection, "INSERT INTO principals (id, type, roles, attr, deleted, revision, updated_at, updated_by)"
                + " SELECT i.id, i.type, i.roles, i.attr, i.deleted, ?, now(), ?" + PRINCIPAL_JOIN
                + " WHERE " + effective("p", PRINCIPAL_CHANGED)
                + " ON CONFLICT (id) DO UPDATE SET type = excluded.type, roles = excluded.roles, attr = excluded.attr,"
                + " deleted = excluded.deleted, revision = excluded.revision, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by", next, actor);
        write(connection, "INSERT INTO resources (service, kind, id, attr, deleted, revision, updated_at, updated_by)"
                + " SELECT i.service, i.kind, i.id, i.attr, i.deleted, ?, now(), ?" + RESOURCE_JOIN
                + " WHERE " + effective("r", RESOURCE_CHANGED)
                + " ON CONFLICT (service, kind, id) DO UPDATE SET attr = excluded.attr, deleted = excluded.deleted,"
                + " revision = excluded.revision, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                next, actor);
        PolicyWrites.notifyChange(connection, next);
        return new DirectoryApplyResult(next, true, principals, resources);
    }

    /** The incoming rows that change something: a deletion of a live entry, or a write that differs. */
    private static String effective(String stored, String changed) {
        return "(i.deleted AND " + stored + ".id IS NOT NULL AND NOT " + stored + ".deleted)"
                + " OR (NOT i.deleted AND " + changed + ")";
    }

    private static void stage(Connection connection, DirectoryChanges changes) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE incoming_principals (id text COLLATE \"C\" PRIMARY KEY, type text,"
                    + " roles text[], attr jsonb, deleted boolean) ON COMMIT DROP");
            statement.execute("CREATE TEMP TABLE incoming_resources (service text COLLATE \"C\","
                    + " kind text COLLATE \"C\", id text COLLATE \"C\", attr jsonb, deleted boolean,"
                    + " PRIMARY KEY (service, kind, id)) ON COMMIT DROP");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO incoming_principals VALUES (?, ?, ?, ?::jsonb, ?)")) {
            int pending = 0;
            for (StoredPrincipal entry : changes.principals()) {
                pending = add(insert, pending, entry.id(), entry.type(),
                        connection.createArrayOf("text", entry.roles().toArray()), entry.attr(), false);
            }
            for (String id : changes.deletedPrincipals()) {
                pending = add(insert, pending, id, "", connection.createArrayOf("text", new Object[0]), "{}", true);
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO incoming_resources VALUES (?, ?, ?, ?::jsonb, ?)")) {
            int pending = 0;
            for (StoredResource entry : changes.resources()) {
                pending = add(insert, pending, entry.service(), entry.kind(), entry.id(), entry.attr(), false);
            }
            for (ResourceRef ref : changes.deletedResources()) {
                pending = add(insert, pending, ref.service(), ref.kind(), ref.id(), "{}", true);
            }
            insert.executeBatch();
        }
    }

    /** Adds one row to the batch, sending the batch every {@link #BATCH} rows; answers the rows pending. */
    private static int add(PreparedStatement insert, int pending, Object a, Object b, Object c, String attr,
            boolean deleted) throws SQLException {
        insert.setObject(1, a);
        insert.setObject(2, b);
        insert.setObject(3, c);
        insert.setString(4, attr);
        insert.setBoolean(5, deleted);
        insert.addBatch();
        if (pending + 1 == BATCH) {
            insert.executeBatch();
            return 0;
        }
        return pending + 1;
    }

    private static DirectoryApplyResult.Counts counts(Connection connection, String join, String stored,
            String changed) throws SQLException {
        String live = stored + ".id IS NOT NULL AND NOT " + stored + ".deleted";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT"
                        + " count(*) FILTER (WHERE NOT i.deleted AND NOT (" + live + ")),"
                        + " count(*) FILTER (WHERE NOT i.deleted AND " + live + " AND " + changed + "),"
                        + " count(*) FILTER (WHERE i.deleted AND " + live + "),"
                        + " count(*)" + join)) {
            rows.next();
            long created = rows.getLong(1);
            long updated = rows.getLong(2);
            long deleted = rows.getLong(3);
            return new DirectoryApplyResult.Counts(created, updated, deleted, rows.getLong(4) - created - updated
                    - deleted);
        }
    }

    private static void write(Connection connection, String sql, long revision, String actor) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, revision);
            statement.setString(2, actor);
            statement.executeUpdate();
        }
    }
}
