package dev.arbiter.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What requests must not change when they are refused: the store revision, every policy as
 * listed, every key as listed, the number of policy versions in the history, and the directory
 * (every entry, tombstones included).
 */
public record StoreSnapshot(long revision, JsonNode policies, JsonNode keys, long policyVersions, String directory) {

    /** Reads the store through the API (as admin) and the history and directory straight from PostgreSQL. */
    public static StoreSnapshot of(TestServer server) {
        ApiClient admin = server.admin();
        JsonNode policies = admin.get("/v1/policies").json();
        JsonNode keys = admin.get("/v1/keys").json();
        return new StoreSnapshot(policies.get("revision").asLong(), policies, keys,
                Long.parseLong(query(server.dbUrl(), "SELECT count(*) FROM policy_versions")),
                query(server.dbUrl(), "SELECT coalesce(string_agg(p::text, ',' ORDER BY id), '')"
                        + " || coalesce((SELECT string_agg(r::text, ',' ORDER BY service, kind, id) FROM resources r), '')"
                        + " FROM principals p"));
    }

    private static String query(String dbUrl, String sql) {
        try (Connection connection = TestDatabases.dataSource(dbUrl).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the store: " + sql, e);
        }
    }
}
