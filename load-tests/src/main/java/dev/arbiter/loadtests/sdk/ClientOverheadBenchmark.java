package dev.arbiter.loadtests.sdk;

import com.sun.net.httpserver.HttpServer;
import dev.arbiter.client.ArbiterAdmin;
import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.CacheSettings;
import dev.arbiter.client.CheckRequest;
import dev.arbiter.client.Decision;
import dev.arbiter.client.KeyRole;
import dev.arbiter.client.Policy;
import dev.arbiter.client.Principal;
import dev.arbiter.client.Resource;
import dev.arbiter.client.Rule;
import dev.arbiter.loadtests.BenchmarkServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the client SDK adds to a check round trip on loopback: {@code sdkCheck} (encode, send,
 * decode, breaker and health bookkeeping) against {@code bareHttpClient}, the same JDK HTTP
 * client sending the very bytes the SDK sends, captured once, as a pre-built request, and taking
 * the answer as raw bytes. {@code sdkCachedCheck} is a check answered by the client's cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(1)
public class ClientOverheadBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final CheckRequest request = CheckRequest.of(
            Principal.of("spiffe://acme.prod/ns/shop/sa/checkout").roles("service").attr("env", "prod"),
            "charges:create",
            Resource.of("payments", "charge", "ch_1").attr("amount", 5000).attr("env", "prod"))
            .context("sourceIp", "10.1.2.3");

    private BenchmarkServer server;
    private ArbiterClient client;
    private ArbiterClient cachingClient;
    private HttpClient bare;
    private HttpRequest bareRequest;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = BenchmarkServer.start();
        ArbiterAdmin admin = ArbiterAdmin.builder().endpoint(server.url()).token(server.adminToken()).build();
        admin.policies().put(examplePolicy());
        String token = admin.keys().create("bench-" + System.currentTimeMillis(), KeyRole.CHECK).token();

        client = ArbiterClient.builder().endpoints(server.url()).token(token).timeout(TIMEOUT).build();
        cachingClient = ArbiterClient.builder().endpoints(server.url()).token(token).timeout(TIMEOUT)
                .cache(CacheSettings.defaults()).build();
        bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        bareRequest = HttpRequest.newBuilder(URI.create(server.url() + "/v1/check"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytesTheSdkSends(token)))
                .build();
        if (!sdkCheck().allow() || !sdkCachedCheck().allow() || bareHttpClient().length == 0) {
            throw new IllegalStateException("the benchmark request is not allowed: check the policy");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        cachingClient.close();
        server.close();
    }

    @Benchmark
    public Decision sdkCheck() {
        return requireAllowed(client.check(request));
    }

    @Benchmark
    public Decision sdkCachedCheck() {
        return requireAllowed(cachingClient.check(request));
    }

    @Benchmark
    public byte[] bareHttpClient() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = bare.send(bareRequest, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the server answered " + response.statusCode());
        }
        return response.body();
    }

    private static Decision requireAllowed(Decision decision) {
        if (!decision.allow()) {
            throw new IllegalStateException(decision.reason());
        }
        return decision;
    }

    /** The SDK's request body for {@link #request}, read off the wire by a one-shot local server. */
    private byte[] bytesTheSdkSends(String token) throws IOException {
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
            capturing.check(request);
            return body.getNow(null);
        } finally {
            capture.stop(0);
        }
    }

    private static Policy examplePolicy() {
        return Policy.of("payments-api", "payments")
                .description("Who may call the payments service")
                .rules(Rule.allow("checkout-can-charge")
                                .principals("spiffe://acme.prod/ns/shop/sa/checkout")
                                .actions("charges:create", "charges:read")
                                .kinds("charge")
                                .condition("resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"),
                        Rule.deny("no-cross-env-refunds")
                                .roles("*")
                                .actions("refunds:*")
                                .condition("principal.attr.env != resource.attr.env"));
    }
}
