package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    @Test
    void defaultsMatchTheDocumentation() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of());
        assertEquals("127.0.0.1", config.httpHost());
        assertEquals(8700, config.httpPort());
        assertEquals(Optional.empty(), config.dbUrl());
        assertEquals(Path.of("./arbiter-data"), config.dataDir());
        assertEquals(Optional.empty(), config.adminToken());
    }

    @Test
    void readsEveryVariable() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of(
                "ARBITER_HTTP_HOST", "0.0.0.0",
                "ARBITER_HTTP_PORT", "9000",
                "ARBITER_DB_URL", "jdbc:postgresql://db:5432/arbiter",
                "ARBITER_DB_USER", "arbiter",
                "ARBITER_DB_PASSWORD", "secret",
                "ARBITER_DATA_DIR", "/var/lib/arbiter",
                "ARBITER_ADMIN_TOKEN", "0123456789abcdef"));
        assertEquals("0.0.0.0", config.httpHost());
        assertEquals(9000, config.httpPort());
        assertEquals(Optional.of("jdbc:postgresql://db:5432/arbiter"), config.dbUrl());
        assertEquals(Optional.of("arbiter"), config.dbUser());
        assertEquals(Optional.of("secret"), config.dbPassword());
        assertEquals(Path.of("/var/lib/arbiter"), config.dataDir());
        assertEquals(Optional.of("0123456789abcdef"), config.adminToken());
    }

    @Test
    void blankValuesCountAsUnset() {
        assertEquals(Optional.empty(), ServerConfig.fromEnvironment(Map.of("ARBITER_DB_URL", " ")).dbUrl());
    }

    @Test
    void refusesBadValuesWithAClearMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of("ARBITER_HTTP_PORT", "http"))).getMessage()
                .contains("ARBITER_HTTP_PORT"));
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of("ARBITER_HTTP_PORT", "70000")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of("ARBITER_ADMIN_TOKEN", "short"))).getMessage()
                .contains("ARBITER_ADMIN_TOKEN"));
    }
}
