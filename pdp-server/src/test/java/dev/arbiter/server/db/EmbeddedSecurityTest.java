package dev.arbiter.server.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.server.ServerConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets no other process in: every connection must prove the password
 * kept in the data directory, and its socket is not in the shared temporary directory.
 */
class EmbeddedSecurityTest {

    @TempDir
    Path temp;

    private static ServerConfig embedded(Path dataDir) {
        return ServerConfig.fromEnvironment(Map.of("ARBITER_HTTP_PORT", "0", "ARBITER_DATA_DIR", dataDir.toString()));
    }

    @Test
    void aNewDataDirectoryAsksEveryConnectionForItsPassword() throws Exception {
        Path dataDir = temp.resolve("data");
        try (Database database = Database.open(embedded(dataDir))) {
            Path secret = dataDir.resolve(EmbeddedSecret.FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            int port = port(database);
            assertRefused(port, null);
            assertRefused(port, "guessed");
            try (Connection connection = connect(port, Files.readString(secret).strip())) {
                assertTrue(connection.isValid(5), "the owner of the data directory gets in");
            }
            assertTrue(Files.exists(dataDir.resolve("postgres/.s.PGSQL." + port)), "the socket is in the data directory");
            assertFalse(Files.exists(Path.of("/tmp/.s.PGSQL." + port)), "no socket in the shared /tmp");
            assertFalse(PasswordAuthentication.trusting(dataDir.resolve("postgres")));
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryConnectionIsMovedOverWithItsData() throws Exception {
        Path dataDir = temp.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA earlier");
            statement.execute("CREATE TABLE earlier.kept (note text)");
            statement.execute("INSERT INTO earlier.kept VALUES ('from before')");
        }
        assertTrue(PasswordAuthentication.trusting(dataDir.resolve("postgres")), "the old default trusted everyone");

        try (Database database = Database.open(embedded(dataDir))) {
            int port = port(database);
            assertRefused(port, null);
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT note FROM earlier.kept")) {
                assertTrue(rows.next());
                assertEquals("from before", rows.getString(1));
            }
        }
        try (Database again = Database.open(embedded(dataDir))) {
            assertRefused(port(again), null);
        }
    }

    private static int port(Database database) {
        return URI.create(((HikariDataSource) database.dataSource()).getJdbcUrl().substring("jdbc:".length())).getPort();
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    private static void assertRefused(int port, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> connect(port, password).close());
        assertTrue(refused.getMessage().contains("password"), refused.getMessage());
    }
}
