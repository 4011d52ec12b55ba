package dev.arbiter.loadtests.replicas;

import dev.arbiter.server.ArbiterServer;
import dev.arbiter.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

/** An Arbiter server on the shared database, with a plain HTTP client to it. */
final class Replica implements AutoCloseable {

    static final String ADMIN_TOKEN = "replica-benchmark-admin-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ArbiterServer server;

    private Replica(ArbiterServer server) {
        this.server = server;
    }

    static Replica start(String dbUrl) throws IOException {
        return new Replica(ArbiterServer.start(ServerConfig.fromEnvironment(Map.of(
                "ARBITER_HTTP_PORT", "0",
                "ARBITER_DB_URL", dbUrl,
                "ARBITER_DATA_DIR", Files.createTempDirectory("arbiter-replica").toString(),
                "ARBITER_ADMIN_TOKEN", ADMIN_TOKEN,
                "ARBITER_SHUTDOWN_DRAIN", "0s"))));
    }

    /** Sends a request with the admin token; answers status and body. */
    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Whether a check of {@code action} on {@code service} is allowed here. */
    boolean allows(String action, String service) throws IOException, InterruptedException {
        return send("POST", "/v1/check", """
                {"principal": {"id": "svc"}, "action": "%s", "resource": {"service": "%s"}}"""
                .formatted(action, service)).body().contains("\"allow\":true");
    }

    @Override
    public void close() {
        server.close();
    }
}
