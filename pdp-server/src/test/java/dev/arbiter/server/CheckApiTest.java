package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CheckApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;
    static ApiClient checker;

    @BeforeAll
    static void writeTheExamplePolicy() {
        admin = arbiter.admin();
        checker = arbiter.clientWithRoles("checker", "check");
        assertEquals(201, admin.put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
    }

    @Test
    void allowsTheDesignExample() {
        ApiClient.Response response = checker.post("/v1/check", Policies.charge(5000));
        assertEquals(200, response.status(), response.body());
        JsonNode answer = response.json();
        assertTrue(answer.get("allow").asBoolean());
        assertEquals("payments-api", answer.get("policy").asText());
        assertEquals("checkout-can-charge", answer.get("rule").asText());
        assertEquals("allowed by payments-api/checkout-can-charge", answer.get("reason").asText());
        assertTrue(answer.get("revision").asLong() >= 1);
        assertEquals(7, UUID.fromString(answer.get("decisionId").asText()).version());
    }

    @Test
    void defaultDenyHasNullPolicyAndRule() {
        JsonNode answer = checker.post("/v1/check", Policies.charge(20_000)).json();
        assertFalse(answer.get("allow").asBoolean());
        assertTrue(answer.get("policy").isNull());
        assertTrue(answer.get("rule").isNull());
        assertTrue(answer.get("reason").asText().startsWith("denied by default"));
    }

    @Test
    void denyRulesAnswerWithTheirName() {
        JsonNode answer = checker.post("/v1/check", """
                {"principal": {"id": "x", "attr": {"env": "dev"}}, "action": "refunds:create",
                 "resource": {"service": "payments", "attr": {"env": "prod"}}}""").json();
        assertFalse(answer.get("allow").asBoolean());
        assertEquals("no-cross-env-refunds", answer.get("rule").asText());
    }

    @Test
    void optionalFieldsDefault() {
        JsonNode answer = checker.post("/v1/check", """
                {"principal": {"id": "x"}, "action": "refunds:create", "resource": {"service": "payments"}}""").json();
        assertFalse(answer.get("allow").asBoolean());
        assertEquals("no-cross-env-refunds", answer.get("rule").asText(), "a failing deny condition denies");
    }

    @Test
    void decisionIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(checker.post("/v1/check", Policies.charge(i)).json().get("decisionId").asText());
        }
        assertEquals(200, ids.size());
    }

    @Test
    void batchAnswersEachCheckInOrder() {
        ApiClient.Response response = checker.post("/v1/check/batch",
                "{\"checks\": [" + Policies.charge(1) + ", " + Policies.charge(99_999) + ", " + Policies.charge(2) + "]}");
        assertEquals(200, response.status(), response.body());
        JsonNode results = response.json().get("results");
        assertEquals(3, results.size());
        assertTrue(results.get(0).get("allow").asBoolean());
        assertFalse(results.get(1).get("allow").asBoolean());
        assertTrue(results.get(2).get("allow").asBoolean());
        assertNotEquals(results.get(0).get("decisionId"), results.get(2).get("decisionId"));
    }

    @Test
    void anEmptyBatchAnswersNoResults() {
        assertEquals(0, checker.post("/v1/check/batch", "{\"checks\": []}").json().get("results").size());
    }

    @Test
    void batchesAreBounded() {
        StringBuilder checks = new StringBuilder("{\"checks\": [");
        for (int i = 0; i <= 1000; i++) {
            checks.append(i == 0 ? "" : ",").append(Policies.check("a", "s"));
        }
        ApiClient.Response response = checker.post("/v1/check/batch", checks.append("]}").toString());
        assertEquals(400, response.status());
        assertTrue(response.json().get("error").get("message").asText().contains("1000"));
    }

    @Test
    void readYourWritesAfterPutAndDelete() {
        String check = Policies.check("ryw:read", "ryw");
        for (int round = 0; round < 5; round++) {
            ApiClient.Response put = admin.put("/v1/policies/ryw", Policies.allow("ryw", "ryw", "ryw:read"));
            long written = Long.parseLong(put.header("Arbiter-Revision"));
            JsonNode allowed = checker.post("/v1/check", check).json();
            assertTrue(allowed.get("allow").asBoolean(), "a check right after the PUT sees it");
            assertTrue(allowed.get("revision").asLong() >= written);

            ApiClient.Response delete = admin.delete("/v1/policies/ryw");
            assertEquals(204, delete.status());
            JsonNode denied = checker.post("/v1/check", check).json();
            assertFalse(denied.get("allow").asBoolean(), "a check right after the DELETE no longer sees it");
            assertTrue(denied.get("revision").asLong() >= Long.parseLong(delete.header("Arbiter-Revision")));
        }
    }

    @Test
    void minRevisionAlreadyHeldIsDecidedAtOnce() {
        long revision = checker.post("/v1/check", Policies.charge(1)).json().get("revision").asLong();
        ApiClient.Response response = checker.post("/v1/check", """
                {"principal": {"id": "x"}, "action": "a", "resource": {"service": "s"}, "minRevision": %d}"""
                .formatted(revision));
        assertEquals(200, response.status(), response.body());
    }

    @Test
    void minRevisionBeyondTheStoreIsAStaleReplica() {
        ApiClient.Response response = checker.post("/v1/check", """
                {"principal": {"id": "x"}, "action": "a", "resource": {"service": "s"}, "minRevision": 1000000}""");
        assertEquals(409, response.status(), response.body());
        assertEquals("stale_replica", response.errorCode());
    }
}
