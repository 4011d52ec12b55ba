package dev.arbiter.loadtests.extauthz;

import dev.arbiter.loadtests.BenchmarkServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Envoy's gRPC ext_authz against {@code POST /v1/check} over HTTP/1.1, in the same run, on the
 * same server: rounds alternate between the two, each a closed loop at the same concurrency for
 * the same time, every decision logged, the log drained before the next round starts. gRPC runs
 * as Envoy pools it: few HTTP/2 connections, several streams in flight on each.
 *
 * <p>{@code java -cp load-tests/target/benchmarks.jar dev.arbiter.loadtests.extauthz.ExtAuthzThroughput
 * [seconds per round] [rounds] [in flight] [HTTP/2 connections]}
 */
public final class ExtAuthzThroughput {

    private ExtAuthzThroughput() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Vertx vertx = Vertx.vertx();
        try (BenchmarkServer server = BenchmarkServer.start()) {
            String key = setUp(server);
            URI base = URI.create(server.url());
            LoadLoop check = LoadLoop.http1(vertx, base, inFlight, "/v1/check", Buffer.buffer(MeshRequests.CHECK_JSON),
                    List.of("content-type", "application/json", "authorization", "Bearer " + key));
            LoadLoop extAuthz = LoadLoop.grpc(vertx, base, connections, inFlight, MeshRequests.grpcFrame(),
                    List.of("content-type", "application/grpc", "te", "trailers", "grpc-timeout", "250m",
                            "authorization", "Bearer " + key));
            // Warm-up: the JIT compiles both paths before anything counts.
            check.run(seconds * 1_000L);
            extAuthz.run(seconds * 1_000L);
            drain(server, key);
            System.out.printf("%d s rounds, %d in flight; /v1/check over HTTP/1.1 on %d connections, ext_authz over"
                    + " h2c on %d connections; Java %s, %d cores%n", seconds, inFlight, inFlight, connections,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.println("| round | /v1/check req/s | p50 µs | p99 µs | ext_authz req/s | p50 µs | p99 µs"
                    + " | ext_authz / check |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                boolean checkFirst = round % 2 == 0;
                LoadLoop.Result first = (checkFirst ? check : extAuthz).run(seconds * 1_000L);
                drain(server, key);
                LoadLoop.Result second = (checkFirst ? extAuthz : check).run(seconds * 1_000L);
                drain(server, key);
                LoadLoop.Result checks = checkFirst ? first : second;
                LoadLoop.Result grpc = checkFirst ? second : first;
                ratios[round] = grpc.perSecond() / checks.perSecond();
                System.out.printf("| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.3f |%n", round + 1,
                        checks.perSecond(), checks.micros(50), checks.micros(99), grpc.perSecond(), grpc.micros(50),
                        grpc.micros(99), ratios[round]);
            }
            Arrays.sort(ratios);
            System.out.printf("median ext_authz / check: %.3f%n", ratios[rounds / 2]);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** The mesh policy, DESIGN.md's payments policy, and a key with role check. */
    private static String setUp(BenchmarkServer server) throws Exception {
        send(server, "PUT", "/v1/policies/orders-mesh", MeshRequests.MESH_POLICY);
        send(server, "PUT", "/v1/policies/payments-api", MeshRequests.PAYMENTS_POLICY);
        String created = send(server, "POST", "/v1/keys", "{\"name\": \"bench-envoy\", \"roles\": [\"check\"]}");
        return created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static String send(BenchmarkServer server, String method, String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + path)).header("Authorization", "Bearer " + server.adminToken())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * Waits until the decision log has written a decision made after the round, and so every
     * decision of the round (one ingest thread takes them in order): a round does not pay for the
     * previous one's records.
     */
    private static void drain(BenchmarkServer server, String key) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String marker = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/check"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MeshRequests.CHECK_JSON)).build(),
                HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"decisionId\":\"([^\"]+)\".*", "$1");
        for (int i = 0; i < 1_200; i++) {
            if (client.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/decisions/" + marker))
                    .header("Authorization", "Bearer " + server.adminToken()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the decision log did not catch up within two minutes");
    }
}
