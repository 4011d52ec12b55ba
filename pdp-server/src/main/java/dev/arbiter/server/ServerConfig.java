package dev.arbiter.server;

import dev.arbiter.server.audit.AuditConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration, read from environment variables ({@code ARBITER_*}); see the README for each.
 *
 * @param dbUrl JDBC URL of an external PostgreSQL; empty to run the embedded one in {@code dataDir}
 * @param adminToken bootstrap token with role admin, ensured at every start
 * @param tls HTTPS settings; empty for plain HTTP
 * @param audit the decision log's settings ({@code ARBITER_AUDIT_*})
 */
public record ServerConfig(
        String httpHost,
        int httpPort,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Path dataDir,
        Optional<String> adminToken,
        Optional<TlsConfig> tls,
        AuditConfig audit) {

    public static final int DEFAULT_PORT = 8700;
    /** Bootstrap tokens shorter than this are refused: the admin key guards everything. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public ServerConfig {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("ARBITER_HTTP_PORT must be between 0 and 65535, not " + httpPort);
        }
        if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                    "ARBITER_ADMIN_TOKEN must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters long");
        }
    }

    /** Reads the configuration from {@code env}, applying the documented defaults. */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        return new ServerConfig(
                env.getOrDefault("ARBITER_HTTP_HOST", "127.0.0.1"),
                port(env.get("ARBITER_HTTP_PORT")),
                present(env, "ARBITER_DB_URL"),
                present(env, "ARBITER_DB_USER"),
                present(env, "ARBITER_DB_PASSWORD"),
                Path.of(env.getOrDefault("ARBITER_DATA_DIR", "./arbiter-data")),
                present(env, "ARBITER_ADMIN_TOKEN"),
                TlsConfig.fromEnvironment(env),
                AuditConfig.fromEnvironment(env));
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ARBITER_HTTP_PORT must be a number, not '" + value + "'", e);
        }
    }

    private static Optional<String> present(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }
}
