package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.auth.AdminBootstrap;
import dev.arbiter.server.db.Database;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ServerProcess;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run: no ARBITER_DB_URL, an embedded PostgreSQL kept in the data directory. */
class EmbeddedDefaultTest {

    @TempDir
    Path temp;

    private ServerConfig embeddedConfig(Path dataDir) {
        return ServerConfig.fromEnvironment(Map.of("ARBITER_HTTP_PORT", "0", "ARBITER_DATA_DIR", dataDir.toString()));
    }

    @Test
    void theEmbeddedDatabaseIsDurable() throws Exception {
        try (Database database = Database.open(embeddedConfig(temp.resolve("data")));
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
                    rows.next();
                    assertEquals("on", rows.getString(1), setting);
                }
            }
            try (ResultSet rows = statement.executeQuery("SHOW server_version")) {
                rows.next();
                assertTrue(rows.getString(1).startsWith("17."), rows.getString(1));
            }
        }
    }

    @Test
    void aDataDirectoryServesOneServerAtATime() throws Exception {
        Path dataDir = temp.resolve("shared");
        try (ArbiterServer first = ArbiterServer.start(embeddedConfig(dataDir))) {
            IOException refused = assertThrows(IOException.class, () -> ArbiterServer.start(embeddedConfig(dataDir)));
            assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
            assertEquals(200, new ApiClient("http://127.0.0.1:" + first.port(), null).get("/health/ready").status());
        }
    }

    @Test
    void aServerOnABusyPortSaysWhichPortAndVariableAndHandsOutNoToken() throws Exception {
        Path dataDir = temp.resolve("second");
        try (TestServer first = TestServer.start()) {
            String dbUrl = TestDatabases.freshUrl();
            ServerConfig second = ServerConfig.fromEnvironment(Map.of("ARBITER_HTTP_PORT", Integer.toString(
                    URI.create(first.baseUrl()).getPort()), "ARBITER_DB_URL", dbUrl, "ARBITER_DATA_DIR",
                    dataDir.toString()));
            IOException refused = assertThrows(IOException.class, () -> ArbiterServer.start(second));
            assertTrue(refused.getMessage().contains("port " + URI.create(first.baseUrl()).getPort()),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("ARBITER_HTTP_PORT"), refused.getMessage());
            assertFalse(Files.exists(dataDir.resolve(AdminBootstrap.TOKEN_FILE)), "no token file was written");
            try (Connection connection = TestDatabases.dataSource(dbUrl).getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet keys = statement.executeQuery("SELECT count(*) FROM api_keys")) {
                keys.next();
                assertEquals(0, keys.getInt(1), "no admin key was created for a server that never started");
            }
        }
    }

    @Test
    void startsGeneratesATokenStopsOnSigtermAndKeepsEverythingAcrossRestarts() throws Exception {
        Path dataDir = temp.resolve("arbiter-data");
        Path tokenFile = dataDir.resolve("admin-token");
        String token;
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of())) {
            token = Files.readString(tokenFile).trim();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertTrue(server.output().contains(token), "the generated token is printed once");

            ApiClient admin = server.client(token);
            assertEquals(201, admin.put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
            assertTrue(admin.post("/v1/check", Policies.charge(5000)).json().get("allow").asBoolean());

            int exit = server.terminate(Duration.ofSeconds(60));
            assertEquals(143, exit, server.output());
            assertTrue(server.output().contains("Arbiter stopped"), server.output());
            assertTrue(server.output().contains(
                    "decision log closed: 1 records written, 0 left in the spill for the next start, 0 lost"),
                    "the check just before SIGTERM is counted: " + server.output());
            assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL was stopped");
        }
        try (ServerProcess again = ServerProcess.start(dataDir, Map.of())) {
            assertEquals(token, Files.readString(tokenFile).trim(), "the token file is left alone");
            assertFalse(again.output().contains("Generated the admin API token"), again.output());
            ApiClient admin = again.client(token);
            assertEquals(1, admin.get("/v1/policies/payments-api").json().get("version").asInt());
            assertTrue(admin.post("/v1/check", Policies.charge(5000)).json().get("allow").asBoolean());
            assertFalse(admin.post("/v1/check", Policies.charge(50_000)).json().get("allow").asBoolean());
        }
    }

    @Test
    void recoversAfterBeingKilled() throws Exception {
        Path dataDir = temp.resolve("killed");
        String token = "a-bootstrap-token-of-enough-length";
        try (ServerProcess server = ServerProcess.start(dataDir, Map.of("ARBITER_ADMIN_TOKEN", token))) {
            assertEquals(201, server.client(token).put("/v1/policies/p", Policies.allow("p", "s", "a")).status());
            server.kill();
        }
        try (ServerProcess again = ServerProcess.start(dataDir, Map.of("ARBITER_ADMIN_TOKEN", token))) {
            assertTrue(again.client(token).post("/v1/check", Policies.check("a", "s")).json().get("allow").asBoolean());
        }
    }
}
