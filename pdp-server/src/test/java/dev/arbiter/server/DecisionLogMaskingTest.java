package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.LoggedRecords;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masked attributes are decided on as sent but stored as "***", in every answer of the log. */
class DecisionLogMaskingTest {

    static final String CARD_POLICY = """
            {"id": "cards", "service": "payments", "rules": [
              {"name": "test-cards-only", "effect": "allow", "roles": ["*"], "actions": ["charges:create"],
               "condition": "resource.attr.card_number.startsWith('4111') && context.headers.authorization != ''"}]}""";

    @Test
    void maskedPathsAreStoredAsStarsAndTheDecisionSawTheRealValues() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.freshUrl(), Map.of(
                "ARBITER_AUDIT_MASK", "resource.attr.card_number, context.headers.authorization"))) {
            ApiClient admin = server.admin();
            assertEquals(201, admin.put("/v1/policies/cards", CARD_POLICY).status());
            JsonNode answer = admin.post("/v1/check", """
                    {"principal": {"id": "svc"}, "action": "charges:create",
                     "resource": {"service": "payments", "attr": {"card_number": "4111111111111111", "amount": 10}},
                     "context": {"headers": {"authorization": "Bearer secret", "x-request-id": "r-1"}}}""").json();
            assertTrue(answer.get("allow").asBoolean(), "the condition saw the real card number: " + answer);

            String decisionId = answer.get("decisionId").asText();
            JsonNode input = LoggedRecords.await(admin, decisionId, Duration.ofSeconds(10)).get("input");
            assertEquals("***", input.at("/resource/attr/card_number").asText());
            assertEquals("***", input.at("/context/headers/authorization").asText());
            assertEquals(10, input.at("/resource/attr/amount").asLong());
            assertEquals("r-1", input.at("/context/headers/x-request-id").asText());

            for (String accept : new String[] {"application/x-ndjson", "text/csv"}) {
                String export = admin.send("GET", "/v1/decisions", null, "Accept", accept).body();
                assertTrue(export.contains("***"), accept);
                assertTrue(!export.contains("4111111111111111") && !export.contains("Bearer secret"), accept);
            }
        }
    }
}
