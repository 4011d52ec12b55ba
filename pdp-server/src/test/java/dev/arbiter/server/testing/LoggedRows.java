package dev.arbiter.server.testing;

import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** What the decision log table holds, read straight from the database. */
public final class LoggedRows {

    private LoggedRows() {}

    /** How many rows each decision id has in {@code decisions}; empty when the database does not answer. */
    public static Map<String, Integer> countsById(String dbUrl) {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = TestDatabases.dataSource(dbUrl).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT decision_id::text, count(*) FROM decisions GROUP BY decision_id")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return counts;
    }
}
