package dev.arbiter.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.RawHttp;
import dev.arbiter.server.testing.StoreSnapshot;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tens of thousands of hostile requests ({@link HostileRequests}) over raw sockets to every endpoint:
 * none may get a 5xx, every error is the JSON envelope, no connection hangs, the server still decides
 * correctly afterwards, and the store is exactly as before. The seed is printed; rerun a failure
 * with {@code -Dfuzz.seed=<seed>}, and change the number of requests with {@code -Dfuzz.requests}.
 */
class HttpFuzzTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    private static final String HELD_POLICY = "fuzz-held";
    private static final String CHECK = """
            {"principal": {"id": "svc"}, "action": "read", "resource": {"service": "fuzz-held"}}""";
    /** Generous: the machine may be busy; a server that hangs never answers at all. */
    private static final Duration PER_REQUEST = Duration.ofSeconds(30);
    private static final int SENDERS = 4;
    private static final int REPORTED = 20;

    @Test
    void hostileRequestsNeverGetA5xxNorHangNorChangeTheStore() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        long requests = Long.getLong("fuzz.requests", 10_000);
        System.out.printf("HttpFuzzTest: seed %d, %d requests (rerun with -Dfuzz.seed=%d)%n", seed, requests, seed);

        TestServer server = arbiter.server();
        FuzzFixture fixture = fixture(server);
        StoreSnapshot before = StoreSnapshot.of(server);

        HostileRequests generator = new HostileRequests(fixture, seed);
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (long i = 0; i < requests; i++) {
            long index = i;
            senders.execute(() -> send(generator.shot(index), fixture.port(), failures));
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(30, TimeUnit.MINUTES), "the run ended");

        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + requests + " requests failed (seed " + seed
                + "); the first ones:\n" + failures.stream().limit(REPORTED).collect(Collectors.joining("\n\n")));
        JsonNode decision = server.client(fixture.checkToken()).post("/v1/check", CHECK).json();
        assertTrue(decision.get("allow").asBoolean(), "still deciding correctly: " + decision);
        assertEquals(before, StoreSnapshot.of(server), "the store is unchanged (seed " + seed + ")");
    }

    /** A policy with a version, a check key, a logged decision: objects for the requests to aim at. */
    private static FuzzFixture fixture(TestServer server) {
        ApiClient admin = server.admin();
        String policy = """
                {"id": "%s", "service": "fuzz-held", "rules": [
                  {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["read"]}]}""".formatted(HELD_POLICY);
        assertEquals(201, admin.put("/v1/policies/" + HELD_POLICY, policy).status());
        String checkToken = server.createKey("fuzz-checker", "check");
        String decisionId = server.client(checkToken).post("/v1/check", CHECK).json().get("decisionId").asText();
        return new FuzzFixture(URI.create(server.baseUrl()).getPort(), TestServer.ADMIN_TOKEN, checkToken,
                HELD_POLICY, decisionId);
    }

    private static void send(Shot shot, int port, Queue<String> failures) {
        String problem;
        try {
            RawHttp.Exchange exchange = RawHttp.exchange(port, shot.bytes(), shot.halfClose(), shot.head(),
                    PER_REQUEST);
            problem = problem(shot, exchange);
        } catch (RawHttp.HungException e) {
            problem = "hung: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            problem = "unreadable answer: " + e;
        }
        if (problem != null) {
            failures.add("#" + shot.index() + " " + shot.target() + " [" + shot.mutations() + "]: " + problem + "\n"
                    + shot.preview(600));
        }
    }

    /** What is wrong with the exchange, or null. */
    private static String problem(Shot shot, RawHttp.Exchange exchange) {
        if (exchange.closedWithoutAnswer()) {
            return shot.mayGoUnanswered() ? null : "connection closed without an answer";
        }
        RawHttp.Answer answer = exchange.answer();
        if (answer.status() == 501 && shot.unsupportedVersion()) {
            // The HTTP/1 codec's own refusal of a protocol it does not speak, before Arbiter sees anything.
            return null;
        }
        if (answer.status() >= 500) {
            return "answered " + answer.status() + ": " + answer.text();
        }
        if (answer.status() < 400 || shot.head()) {
            return null;
        }
        return envelopeProblem(answer);
    }

    private static String envelopeProblem(RawHttp.Answer answer) {
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return "error " + answer.status() + " with Content-Type " + type + ": " + answer.text();
        }
        try {
            JsonNode error = PolicyJson.MAPPER.readTree(answer.body()).path("error");
            List<String> missing = new ArrayList<>();
            for (String field : List.of("code", "message")) {
                if (!error.path(field).isTextual() || error.path(field).asText().isEmpty()) {
                    missing.add(field);
                }
            }
            return missing.isEmpty() ? null : "error " + answer.status() + " without " + missing + ": " + answer.text();
        } catch (IOException e) {
            return "error " + answer.status() + " that is not JSON: " + answer.text();
        }
    }
}
