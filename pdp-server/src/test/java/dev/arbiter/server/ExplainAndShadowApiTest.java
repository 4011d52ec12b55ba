package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExplainAndShadowApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;
    static ApiClient checker;

    static final String TRIAL = """
            {"id": "refund-limits", "service": "payments", "mode": "dry_run", "rules": [
              {"name": "no-large-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:create"],
               "condition": "resource.attr.amount > 500"}]}""";
    static final String REFUNDS = """
            {"id": "refunds", "service": "payments", "rules": [
              {"name": "support-refunds", "effect": "allow", "roles": ["support"], "actions": ["refunds:create"]}]}""";

    @BeforeAll
    static void storePolicies() {
        admin = arbiter.admin();
        checker = arbiter.clientWithRoles("checker", "check");
        assertEquals(201, admin.put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
        assertEquals(201, admin.put("/v1/policies/refunds", REFUNDS).status());
        assertEquals(201, admin.put("/v1/policies/refund-limits", TRIAL).status());
    }

    static String refund(long amount) {
        return """
                {"principal": {"id": "agent-7", "roles": ["support"], "attr": {"env": "prod"}},
                 "action": "refunds:create",
                 "resource": {"service": "payments", "kind": "refund", "attr": {"amount": %d, "env": "prod"}}}"""
                .formatted(amount);
    }

    static JsonNode entry(JsonNode explain, String rule) {
        for (JsonNode entry : explain) {
            if (entry.get("rule").asText().equals(rule)) {
                return entry;
            }
        }
        throw new AssertionError("no explain entry for " + rule + " in " + explain);
    }

    @Test
    void explainsAnAllowRuleByRule() {
        JsonNode answer = checker.post("/v1/check?explain=true", Policies.charge(5000)).json();
        assertTrue(answer.get("allow").asBoolean());
        JsonNode explain = answer.get("explain");
        assertEquals(4, explain.size(), "every rule of the three payments policies: " + explain);
        assertEquals("payments-api", explain.get(0).get("policy").asText(), "decision order: policy id, position");
        JsonNode charge = entry(explain, "checkout-can-charge");
        assertEquals("allow", charge.get("effect").asText());
        assertFalse(charge.get("dryRun").asBoolean());
        assertTrue(charge.get("principalMatched").asBoolean());
        assertTrue(charge.get("actionMatched").asBoolean());
        assertTrue(charge.get("kindMatched").asBoolean());
        assertEquals("true", charge.get("condition").asText());
        JsonNode refunds = entry(explain, "no-cross-env-refunds");
        assertFalse(refunds.get("actionMatched").asBoolean());
        assertEquals("not_evaluated", refunds.get("condition").asText());
        assertTrue(entry(explain, "no-large-refunds").get("dryRun").asBoolean());
    }

    @Test
    void explainsADenyAnErrorAndADefaultDeny() {
        JsonNode deny = checker.post("/v1/check?explain=true", """
                {"principal": {"id": "x", "attr": {"env": "dev"}}, "action": "refunds:create",
                 "resource": {"service": "payments", "attr": {"env": "prod"}}}""").json();
        assertEquals("no-cross-env-refunds", deny.get("rule").asText());
        assertEquals("true", entry(deny.get("explain"), "no-cross-env-refunds").get("condition").asText());
        assertEquals("error", entry(deny.get("explain"), "no-large-refunds").get("condition").asText());

        JsonNode error = checker.post("/v1/check?explain=true", """
                {"principal": {"id": "x"}, "action": "refunds:create", "resource": {"service": "payments"}}""").json();
        JsonNode failing = entry(error.get("explain"), "no-cross-env-refunds");
        assertEquals("error", failing.get("condition").asText());
        assertTrue(failing.get("error").asText().contains("env"), failing.toString());
        assertFalse(error.get("allow").asBoolean());

        JsonNode defaultDeny = checker.post("/v1/check?explain=true", Policies.charge(20_000)).json();
        assertFalse(defaultDeny.get("allow").asBoolean());
        assertTrue(defaultDeny.get("rule").isNull());
        assertEquals("false", entry(defaultDeny.get("explain"), "checkout-can-charge").get("condition").asText());
        JsonNode support = entry(defaultDeny.get("explain"), "support-refunds");
        assertFalse(support.get("principalMatched").asBoolean());
        assertFalse(support.get("actionMatched").asBoolean());
        assertTrue(support.get("kindMatched").asBoolean());
    }

    @Test
    void explainAppliesToEveryCheckOfABatchAndIsOffByDefault() {
        JsonNode batch = checker.post("/v1/check/batch?explain=true",
                "{\"checks\": [" + Policies.charge(5000) + ", " + refund(10) + "]}").json();
        assertEquals(4, batch.get("results").get(0).get("explain").size());
        assertEquals(4, batch.get("results").get(1).get("explain").size());
        assertFalse(checker.post("/v1/check", Policies.charge(5000)).json().has("explain"));
        assertFalse(checker.post("/v1/check?explain=false", Policies.charge(5000)).json().has("explain"));
        assertFalse(checker.post("/v1/check/batch", "{\"checks\": [" + Policies.charge(5000) + "]}").json()
                .get("results").get(0).has("explain"));
        assertEquals("invalid_request", checker.post("/v1/check?explain=1", Policies.charge(5000)).errorCode());
    }

    @Test
    void aDryRunPolicyNeverChangesTheDecisionButShowsWhenItWouldHave() {
        JsonNode large = checker.post("/v1/check", refund(900)).json();
        assertTrue(large.get("allow").asBoolean(), large.toString());
        assertEquals("support-refunds", large.get("rule").asText());
        JsonNode shadow = large.get("shadow");
        assertFalse(shadow.get("allow").asBoolean());
        assertEquals("refund-limits", shadow.get("policy").asText());
        assertEquals("no-large-refunds", shadow.get("rule").asText());

        JsonNode small = checker.post("/v1/check", refund(100)).json();
        assertTrue(small.get("allow").asBoolean());
        assertFalse(small.has("shadow"), "the dry-run policy agrees");
    }

    @Test
    void switchingToEnforceIsAnOrdinaryVersionedEdit() {
        ApiClient.Response enforced = admin.put("/v1/policies/refund-limits",
                TRIAL.replace("\"dry_run\"", "\"enforce\""),
                "If-Match", "\"1\"");
        assertEquals(200, enforced.status(), enforced.body());
        try {
            JsonNode large = checker.post("/v1/check", refund(900)).json();
            assertFalse(large.get("allow").asBoolean());
            assertEquals("no-large-refunds", large.get("rule").asText());
            assertFalse(large.has("shadow"));
            JsonNode versions = admin.get("/v1/policies/refund-limits/versions").json().get("versions");
            assertEquals("enforce", versions.get(0).get("mode").asText());
            assertEquals("dry_run", versions.get(1).get("mode").asText());
        } finally {
            assertEquals(200, admin.post("/v1/policies/refund-limits/rollback?to=1", null).status());
        }
    }
}
