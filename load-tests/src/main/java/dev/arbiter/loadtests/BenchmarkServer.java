package dev.arbiter.loadtests;

import dev.arbiter.server.ArbiterServer;
import dev.arbiter.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Arbiter a benchmark talks to: the one at {@code -Darbiter.url} (with its admin token in
 * {@code -Darbiter.adminToken}), or else one started in this JVM on the embedded PostgreSQL in a
 * fresh temporary data directory, stopped and removed by {@link #close()}.
 */
public final class BenchmarkServer implements AutoCloseable {

    private static final String LOCAL_ADMIN_TOKEN = "benchmark-admin-token-0123456789";

    private final String url;
    private final String adminToken;
    private final ArbiterServer local;
    private final Path localDataDir;

    private BenchmarkServer(String url, String adminToken, ArbiterServer local, Path localDataDir) {
        this.url = url;
        this.adminToken = adminToken;
        this.local = local;
        this.localDataDir = localDataDir;
    }

    public static BenchmarkServer start() {
        String external = System.getProperty("arbiter.url");
        if (external != null) {
            String token = System.getProperty("arbiter.adminToken");
            if (token == null) {
                throw new IllegalStateException("-Darbiter.url needs -Darbiter.adminToken");
            }
            return new BenchmarkServer(external, token, null, null);
        }
        try {
            Path dataDir = Files.createTempDirectory("arbiter-bench");
            ServerConfig config = ServerConfig.fromEnvironment(Map.of(
                    "ARBITER_HTTP_PORT", "0",
                    "ARBITER_DATA_DIR", dataDir.toString(),
                    "ARBITER_ADMIN_TOKEN", LOCAL_ADMIN_TOKEN,
                    // No load balancer routes here: nothing to drain from.
                    "ARBITER_SHUTDOWN_DRAIN", "0s"));
            ArbiterServer server = ArbiterServer.start(config);
            return new BenchmarkServer("http://127.0.0.1:" + server.port(), LOCAL_ADMIN_TOKEN, server, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public String adminToken() {
        return adminToken;
    }

    @Override
    public void close() {
        if (local == null) {
            return;
        }
        local.close();
        try (Stream<Path> files = Files.walk(localDataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + localDataDir, e);
        }
    }
}
