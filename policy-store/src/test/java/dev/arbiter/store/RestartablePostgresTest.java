package dev.arbiter.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartablePostgresTest {

    @TempDir
    Path temp;

    @Test
    void keepsPortAndDataAcrossARestartAndRefusesConnectionsWhileStopped() throws SQLException {
        try (RestartablePostgres postgres = RestartablePostgres.start(temp.resolve("pg"))) {
            String url = postgres.createDatabase();
            DataSource dataSource = TestDatabases.dataSource(url);
            execute(dataSource, "CREATE TABLE survivors (name text); INSERT INTO survivors VALUES ('kept')");

            postgres.stop();
            assertFalse(postgres.isRunning());
            assertThrows(SQLException.class, () -> execute(dataSource, "SELECT 1"));

            postgres.start();
            assertTrue(postgres.isRunning());
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM survivors")) {
                assertTrue(rows.next());
                assertEquals("kept", rows.getString(1));
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
