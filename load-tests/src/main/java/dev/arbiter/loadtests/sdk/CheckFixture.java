package dev.arbiter.loadtests.sdk;

import com.sun.net.httpserver.HttpServer;
import dev.arbiter.client.ArbiterAdmin;
import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.CacheSettings;
import dev.arbiter.client.CheckRequest;
import dev.arbiter.client.Decision;
import dev.arbiter.client.KeyRole;
import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.loadtests.BenchmarkServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A server holding DESIGN.md's example policy, a check key, and the two ways of asking it the
 * example question: the SDK, and the bare JDK HTTP client sending the very bytes the SDK sends
 * (captured once off the wire) as a pre-built request, taking the answer as raw bytes. The
 * difference between the two is the SDK's own cost: encoding, decoding, endpoint choice,
 * breaker and cache bookkeeping.
 */
final class CheckFixture implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final CheckRequest REQUEST = DesignExample.chargeCheck(5000).context("sourceIp", "10.1.2.3");

    private final BenchmarkServer server;
    private final ArbiterClient client;
    private final ArbiterClient cachingClient;
    private final HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest bareRequest;

    CheckFixture() {
        server = BenchmarkServer.start();
        ArbiterAdmin admin = ArbiterAdmin.builder().endpoint(server.url()).token(server.adminToken()).build();
        admin.policies().put(DesignExample.policy());
        String token = admin.keys().create("bench-" + System.currentTimeMillis(), KeyRole.CHECK).token();
        client = ArbiterClient.builder().endpoints(server.url()).token(token).timeout(TIMEOUT).build();
        cachingClient = ArbiterClient.builder().endpoints(server.url()).token(token).timeout(TIMEOUT)
                .cache(CacheSettings.defaults()).build();
        bareRequest = HttpRequest.newBuilder(URI.create(server.url() + "/v1/check"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytesTheSdkSends(token)))
                .build();
        sdkCheck();
        cachedCheck();
        bareCheck();
    }

    Decision sdkCheck() {
        return requireAllowed(client.check(REQUEST));
    }

    Decision cachedCheck() {
        return requireAllowed(cachingClient.check(REQUEST));
    }

    byte[] bareCheck() {
        try {
            HttpResponse<byte[]> response = bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the server answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        cachingClient.close();
        server.close();
    }

    private static Decision requireAllowed(Decision decision) {
        if (!decision.allow()) {
            throw new IllegalStateException("the benchmark check was denied: " + decision.reason());
        }
        return decision;
    }

    /** The SDK's request body, read off the wire by a one-shot local server. */
    private static byte[] bytesTheSdkSends(String token) {
        try {
            HttpServer capture = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CompletableFuture<byte[]> body = new CompletableFuture<>();
            capture.createContext("/", exchange -> {
                body.complete(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            });
            capture.start();
            try (ArbiterClient capturing = ArbiterClient.builder()
                    .endpoints("http://127.0.0.1:" + capture.getAddress().getPort()).token(token).timeout(TIMEOUT)
                    .build()) {
                capturing.check(REQUEST);
                return body.getNow(null);
            } finally {
                capture.stop(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
