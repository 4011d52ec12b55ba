package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.audit.AuditConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        assertEquals(false, config.audit().required());
        assertEquals(AuditConfig.DEFAULT_MASK, config.audit().mask().paths());
        assertEquals(List.of(), ServerConfig.fromEnvironment(Map.of("ARBITER_AUDIT_MASK", "")).audit().mask().paths(),
                "set empty, nothing is masked");
        assertEquals(90, config.audit().retentionDays());
        assertEquals(1024L * 1024 * 1024, config.audit().spillMaxBytes());
        assertEquals(65_536, config.audit().queueCapacity());
        assertEquals(Duration.ofSeconds(5), config.shutdownDrain());
    }

    @Test
    void readsTheShutdownDrainInSecondsOrMilliseconds() {
        Map.of("0", Duration.ZERO, "0s", Duration.ZERO, "12", Duration.ofSeconds(12), "12s", Duration.ofSeconds(12),
                "750ms", Duration.ofMillis(750), " 3s ", Duration.ofSeconds(3)).forEach((value, drain) ->
                assertEquals(drain, ServerConfig.fromEnvironment(Map.of("ARBITER_SHUTDOWN_DRAIN", value)).shutdownDrain(),
                        value));
        for (String bad : new String[] {"-1s", "5m", "1.5s", "soon", "301s", "300001ms"}) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> ServerConfig.fromEnvironment(
                    Map.of("ARBITER_SHUTDOWN_DRAIN", bad))).getMessage().contains("ARBITER_SHUTDOWN_DRAIN"), bad);
        }
    }

    @Test
    void readsTheDecisionLogVariables() {
        AuditConfig audit = ServerConfig.fromEnvironment(Map.of(
                "ARBITER_AUDIT_REQUIRED", "TRUE",
                "ARBITER_AUDIT_MASK", " resource.attr.card_number ,context.headers.authorization,, ",
                "ARBITER_AUDIT_RETENTION_DAYS", "30",
                "ARBITER_AUDIT_SPILL_MAX_MB", "16",
                "ARBITER_AUDIT_QUEUE_CAPACITY", "1000",
                "ARBITER_AUDIT_QUEUE_WAIT_MS", "250")).audit();
        assertEquals(true, audit.required());
        assertEquals(List.of("resource.attr.card_number", "context.headers.authorization"), audit.mask().paths());
        assertEquals(30, audit.retentionDays());
        assertEquals(16L * 1024 * 1024, audit.spillMaxBytes());
        assertEquals(1000, audit.queueCapacity());
        assertEquals(250, audit.queueWaitMillis());
    }

    @Test
    void refusesBadDecisionLogValuesNamingTheVariable() {
        Map<String, String> bad = Map.of(
                "ARBITER_AUDIT_REQUIRED", "yes",
                "ARBITER_AUDIT_MASK", "principal.id",
                "ARBITER_AUDIT_RETENTION_DAYS", "0",
                "ARBITER_AUDIT_SPILL_MAX_MB", "lots",
                "ARBITER_AUDIT_QUEUE_CAPACITY", "-1",
                "ARBITER_AUDIT_QUEUE_WAIT_MS", "-5");
        bad.forEach((name, value) -> assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.fromEnvironment(Map.of(name, value))).getMessage().contains(name), name));
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
