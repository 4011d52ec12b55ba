package dev.arbiter.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.ArbiterServer;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.server.audit.AuditConfig;
import dev.arbiter.store.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A real Arbiter on a loopback port and a fresh PostgreSQL database, for end-to-end tests. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final ArbiterServer server;
    private final String dbUrl;

    private TestServer(ArbiterServer server, String dbUrl) {
        this.server = server;
        this.dbUrl = dbUrl;
    }

    /** A server on a new database. */
    public static TestServer start() {
        return start(TestDatabases.freshUrl());
    }

    /** A server on an existing database, e.g. a second replica. */
    public static TestServer start(String dbUrl) {
        return start(dbUrl, AuditConfig.defaults());
    }

    /** A server on an existing database with the given decision-log settings. */
    public static TestServer start(String dbUrl, AuditConfig audit) {
        try {
            Path dataDir = Files.createTempDirectory("arbiter-test");
            ServerConfig config = new ServerConfig("127.0.0.1", 0, Optional.of(dbUrl), Optional.empty(),
                    Optional.empty(), dataDir, Optional.of(ADMIN_TOKEN), audit);
            return new TestServer(ArbiterServer.start(config), dbUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public ApiClient admin() {
        return client(ADMIN_TOKEN);
    }

    public ApiClient client(String token) {
        return new ApiClient(baseUrl(), token);
    }

    /** Creates a key with the given roles and answers its token. */
    public String createKey(String name, String... roles) {
        String roleList = Arrays.stream(roles).map(role -> "\"" + role + "\"").collect(Collectors.joining(", "));
        ApiClient.Response created = admin().post("/v1/keys", "{\"name\": \"" + name + "\", \"roles\": [" + roleList + "]}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("token").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
