package dev.arbiter.server;

import dev.arbiter.server.audit.AuditConfig;
import dev.arbiter.server.tracing.TracingConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration, read from environment variables ({@code ARBITER_*}); see the README for each.
 *
 * @param dbUrl JDBC URL of an external PostgreSQL; empty to run the embedded one in {@code dataDir}
 * @param adminToken bootstrap token with role admin, ensured at every start
 * @param tls HTTPS settings; empty for plain HTTP
 * @param audit the decision log's settings ({@code ARBITER_AUDIT_*})
 * @param publicUrl the base URL clients reach this server at ({@code ARBITER_PUBLIC_URL}), for the
 *     AuthZEN metadata; empty: the scheme and authority each request came with
 * @param shutdownDrain how long a stopping server stays unready yet answering, so load balancers
 *     move away before its listeners close ({@code ARBITER_SHUTDOWN_DRAIN})
 * @param tracing span export's settings ({@code OTEL_*}), off unless asked for
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
        AuditConfig audit,
        Optional<String> publicUrl,
        Duration shutdownDrain,
        TracingConfig tracing) {

    public static final int DEFAULT_PORT = 8700;
    public static final Duration DEFAULT_SHUTDOWN_DRAIN = Duration.ofSeconds(5);
    private static final Duration MAX_SHUTDOWN_DRAIN = Duration.ofMinutes(5);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)?");
    /** Bootstrap tokens shorter than this are refused: the admin key guards everything. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    public ServerConfig {
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("ARBITER_HTTP_PORT must be between 0 and 65535, not " + httpPort);
        }
        publicUrl.ifPresent(ServerConfig::requireBaseUrl);
        if (adminToken.isPresent() && adminToken.get().length() < MIN_ADMIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(
                    "ARBITER_ADMIN_TOKEN must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters long");
        }
        if (shutdownDrain.isNegative() || shutdownDrain.compareTo(MAX_SHUTDOWN_DRAIN) > 0) {
            throw new IllegalArgumentException("ARBITER_SHUTDOWN_DRAIN must be between 0s and 300s");
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
                AuditConfig.fromEnvironment(env),
                present(env, "ARBITER_PUBLIC_URL").map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                present(env, "ARBITER_SHUTDOWN_DRAIN").map(ServerConfig::duration).orElse(DEFAULT_SHUTDOWN_DRAIN),
                TracingConfig.fromEnvironment(env));
    }

    /** Seconds, bare or with {@code s}, or milliseconds with {@code ms}: {@code 5}, {@code 5s}, {@code 500ms}. */
    private static Duration duration(String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "ARBITER_SHUTDOWN_DRAIN must be a duration such as 5s or 500ms, not '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    }

    /** An http(s) URL with a host, and no query or fragment: what AuthZEN calls a PDP identifier's base. */
    private static void requireBaseUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("ARBITER_PUBLIC_URL must be an http or https URL without query or"
                + " fragment, such as https://arbiter.example.com, not '" + url + "'");
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
