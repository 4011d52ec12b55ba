package dev.arbiter.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Waits until every one of {@code decisionIds} is in the log, asserts each is there exactly
     * once, and answers the row counts of everything the log holds.
     */
    public static Map<String, Integer> awaitEachOnce(String dbUrl, List<String> decisionIds) {
        Map<String, Integer> rows = Eventually.await(Duration.ofSeconds(60), "every decision in the log", () -> {
            Map<String, Integer> counts = countsById(dbUrl);
            return counts.keySet().containsAll(decisionIds) ? counts : null;
        });
        for (String decisionId : decisionIds) {
            assertEquals(1, rows.get(decisionId), decisionId + " is logged once");
        }
        return rows;
    }
}
