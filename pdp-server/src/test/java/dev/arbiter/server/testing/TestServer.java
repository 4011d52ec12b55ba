package dev.arbiter.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.arbiter.server.ArbiterServer;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.server.TlsConfig;
import dev.arbiter.server.audit.AuditConfig;
import dev.arbiter.store.TestDatabases;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/** A real Arbiter on a loopback port and a fresh PostgreSQL database, for end-to-end tests. */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private static final String DATA_DIR_PREFIX = "arbiter-test";

    private final ArbiterServer server;
    private final String dbUrl;
    private final String scheme;
    private final Path ownDataDir;

    /** @param ownDataDir the temporary data directory made for this server, removed on close; null for none */
    private TestServer(ArbiterServer server, String dbUrl, String scheme, Path ownDataDir) {
        this.server = server;
        this.dbUrl = dbUrl;
        this.scheme = scheme;
        this.ownDataDir = ownDataDir;
    }

    /** A server on a new database. */
    public static TestServer start() {
        return start(TestDatabases.freshUrl());
    }

    /** A server on an existing database, e.g. a second replica. */
    public static TestServer start(String dbUrl) {
        return start(dbUrl, Map.of());
    }

    /** A server speaking HTTPS on a new database. */
    public static TestServer startWithTls(TlsConfig tls) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "ARBITER_TLS_CERT", tls.certificate().toString(),
                "ARBITER_TLS_KEY", tls.key().toString()));
        tls.clientCa().ifPresent(ca -> settings.put("ARBITER_TLS_CLIENT_CA", ca.toString()));
        return start(TestDatabases.freshUrl(), settings);
    }

    /** A server on an existing database with extra {@code ARBITER_*} settings, as a user would set them. */
    public static TestServer start(String dbUrl, Map<String, String> settings) {
        return start(configuration(dbUrl, settings), dbUrl);
    }

    /** A server on an existing database with decision-log settings finer than the environment can say. */
    public static TestServer start(String dbUrl, AuditConfig audit) {
        ServerConfig config = configuration(dbUrl, Map.of());
        return start(new ServerConfig(config.httpHost(), config.httpPort(), config.dbUrl(), config.dbUser(),
                config.dbPassword(), config.dataDir(), config.adminToken(), config.tls(), audit, config.publicUrl(),
                config.shutdownDrain(), config.tracing()),
                dbUrl);
    }

    private static ServerConfig configuration(String dbUrl, Map<String, String> settings) {
        try {
            Map<String, String> env = new HashMap<>(Map.of(
                    "ARBITER_HTTP_PORT", "0",
                    "ARBITER_DB_URL", dbUrl,
                    "ARBITER_DATA_DIR", Files.createTempDirectory(DATA_DIR_PREFIX).toString(),
                    "ARBITER_ADMIN_TOKEN", ADMIN_TOKEN,
                    // Suites stop hundreds of servers; the tests of draining ask for it.
                    "ARBITER_SHUTDOWN_DRAIN", "0s"));
            env.putAll(settings);
            return ServerConfig.fromEnvironment(env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestServer start(ServerConfig config, String dbUrl) {
        Path ownDataDir = config.dataDir().getFileName().toString().startsWith(DATA_DIR_PREFIX) ? config.dataDir() : null;
        try {
            return new TestServer(ArbiterServer.start(config), dbUrl, config.tls().isPresent() ? "https" : "http",
                    ownDataDir);
        } catch (IOException | RuntimeException e) {
            TempFiles.delete(ownDataDir);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public String dbUrl() {
        return dbUrl;
    }

    public String baseUrl() {
        return scheme + "://127.0.0.1:" + server.port();
    }

    /** The routes the server's HTTP API registered, for tests that must cover every endpoint. */
    public List<Route> routes() {
        return server.routes();
    }

    public ApiClient admin() {
        return client(ADMIN_TOKEN);
    }

    public ApiClient client(String token) {
        return new ApiClient(baseUrl(), token);
    }

    /** A client over HTTPS with {@code tls} (trust, and a client certificate if it has one). */
    public ApiClient client(SSLContext tls, String token) {
        return new ApiClient(tls, baseUrl(), token);
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
        TempFiles.delete(ownDataDir);
    }
}
