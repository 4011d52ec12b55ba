package dev.arbiter.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What requests must not change when they are refused: the store revision, every policy as
 * listed, every key as listed, and the number of policy versions in the history.
 */
public record StoreSnapshot(long revision, JsonNode policies, JsonNode keys, long policyVersions) {

    /** Reads the store through the API (as admin) and the history straight from PostgreSQL. */
    public static StoreSnapshot of(TestServer server) {
        ApiClient admin = server.admin();
        JsonNode policies = admin.get("/v1/policies").json();
        JsonNode keys = admin.get("/v1/keys").json();
        return new StoreSnapshot(policies.get("revision").asLong(), policies, keys, policyVersions(server.dbUrl()));
    }

    private static long policyVersions(String dbUrl) {
        try (Connection connection = TestDatabases.dataSource(dbUrl).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM policy_versions")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the policy versions", e);
        }
    }
}
