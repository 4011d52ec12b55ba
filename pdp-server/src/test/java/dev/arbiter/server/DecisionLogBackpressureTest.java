package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Checks arrive faster than the decision log's queue takes them: answers wait, records are kept. */
class DecisionLogBackpressureTest {

    private static final int BATCH_SIZE = 100;
    private static final String BATCH = "{\"checks\": [" + String.join(", ",
            Collections.nCopies(BATCH_SIZE, Policies.check("a", "s"))) + "]}";
    private static final String SMALL_QUEUE = "8";

    private static ApiClient checker(TestServer server) {
        assertEquals(201, server.admin().put("/v1/policies/p", Policies.allow("p", "s", "a")).status());
        return server.client(server.createKey("checker", "check"));
    }

    private static JsonNode audit(TestServer server) {
        return server.client(null).get("/health/ready").json().get("audit");
    }

    private static List<JsonNode> results(ApiClient checker) {
        JsonNode answer = checker.post("/v1/check/batch", BATCH).json();
        List<JsonNode> results = new ArrayList<>();
        answer.get("results").forEach(results::add);
        assertEquals(BATCH_SIZE, results.size(), answer.toString());
        return results;
    }

    @Test
    void aFullQueueSlowsTheAnswersAndLosesNoRecord() throws Exception {
        String url = TestDatabases.freshUrl();
        // A wait long enough for a busy build machine: what is tested is that answers wait, not how long.
        try (TestServer server = TestServer.start(url, Map.of(
                "ARBITER_AUDIT_QUEUE_CAPACITY", SMALL_QUEUE, "ARBITER_AUDIT_QUEUE_WAIT_MS", "30000"))) {
            ApiClient checker = checker(server);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<List<String>>> sent = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                sent.add(callers.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        for (JsonNode result : results(checker)) {
                            assertTrue(result.get("allow").asBoolean(), result.toString());
                            ids.add(result.get("decisionId").asText());
                        }
                    }
                    return ids;
                }));
            }
            List<String> decisionIds = new ArrayList<>();
            for (Future<List<String>> ids : sent) {
                decisionIds.addAll(ids.get());
            }
            callers.shutdown();

            assertEquals(4_000, LoggedRows.awaitEachOnce(url, decisionIds).size());
            assertEquals(0, audit(server).get("lost").asLong());
        }
    }

    @Test
    void withoutAQueueWaitWhatDoesNotFitIsCountedAsLostAndDecisionsStand() {
        try (TestServer server = TestServer.start(TestDatabases.freshUrl(), Map.of(
                "ARBITER_AUDIT_QUEUE_CAPACITY", SMALL_QUEUE, "ARBITER_AUDIT_QUEUE_WAIT_MS", "0"))) {
            ApiClient checker = checker(server);
            Eventually.await(Duration.ofSeconds(30), "a record lost", () -> {
                results(checker).forEach(result -> assertTrue(result.get("allow").asBoolean(), result.toString()));
                return audit(server).get("lost").asLong() > 0 ? true : null;
            });
            assertEquals(0, audit(server).get("refused").asLong());
        }
    }

    @Test
    void requiredWithoutAQueueWaitDeniesWhatCannotBeKept() {
        String url = TestDatabases.freshUrl();
        try (TestServer server = TestServer.start(url, Map.of("ARBITER_AUDIT_REQUIRED", "true",
                "ARBITER_AUDIT_QUEUE_CAPACITY", SMALL_QUEUE, "ARBITER_AUDIT_QUEUE_WAIT_MS", "0"))) {
            ApiClient checker = checker(server);
            List<String> allowed = new ArrayList<>();
            JsonNode denied = Eventually.await(Duration.ofSeconds(30), "a check denied for its record", () -> {
                JsonNode refused = null;
                for (JsonNode result : results(checker)) {
                    if (result.get("allow").asBoolean()) {
                        allowed.add(result.get("decisionId").asText());
                    } else {
                        refused = result;
                    }
                }
                return refused;
            });
            assertEquals("audit unavailable", denied.get("reason").asText());
            assertTrue(denied.get("policy").isNull());
            assertTrue(audit(server).get("refused").asLong() > 0);
            assertEquals(0, audit(server).get("lost").asLong());
            LoggedRows.awaitEachOnce(url, allowed);
        }
    }
}
