package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ValidateApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;
    static ApiClient auditor;

    @BeforeAll
    static void storeTheExamplePolicy() {
        admin = arbiter.admin();
        auditor = arbiter.clientWithRoles("auditor", "auditor");
        assertEquals(201, admin.put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
    }

    @Test
    void aValidPolicyWithoutSurprisesHasNoWarnings() {
        ApiClient.Response response = auditor.post("/v1/policies/_validate", Policies.allow("fine", "payments", "x"));
        assertEquals(200, response.status(), response.body());
        assertTrue(response.json().get("valid").asBoolean());
        assertEquals(0, response.json().get("warnings").size());
    }

    @Test
    void warnsOfUnreachableRulesAndLikelyTyposWithoutStoringAnything() {
        long before = Policies.storeRevision(admin);
        ApiClient.Response response = admin.post("/v1/policies/_validate", """
                {"id": "refunds", "service": "payments", "rules": [
                  {"name": "support-refunds", "effect": "allow", "roles": ["support"], "actions": ["refunds:create"],
                   "condition": "resource.attr.ammount < 100"},
                  {"name": "freeze-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"]}]}""");
        assertEquals(200, response.status(), response.body());
        JsonNode warnings = response.json().get("warnings");
        assertEquals(2, warnings.size(), warnings.toString());

        JsonNode unreachable = warnings.get(0);
        assertEquals("unreachable_rule", unreachable.get("code").asText());
        assertEquals("rules[0]", unreachable.get("path").asText());
        assertEquals("support-refunds", unreachable.get("rule").asText());
        assertTrue(unreachable.get("message").asText().contains("refunds/freeze-refunds"));

        JsonNode typo = warnings.get(1);
        assertEquals("possible_typo", typo.get("code").asText());
        assertEquals("rules[0].condition", typo.get("path").asText());
        assertEquals(1, typo.get("line").asInt());
        assertEquals(15, typo.get("column").asInt());
        assertTrue(typo.get("message").asText().contains("did you mean resource.attr.amount"), typo.toString());

        assertEquals(before, Policies.storeRevision(admin));
        assertEquals(404, admin.get("/v1/policies/refunds").status());
    }

    @Test
    void answersEveryErrorAtOnceWithPositions() {
        ApiClient.Response response = admin.post("/v1/policies/_validate", """
                {"id": "Bad_Id", "service": "payments", "rules": [
                  {"name": "one", "effect": "allow", "roles": ["*"], "actions": ["x"],
                   "condition": "resource.attr.amount <"},
                  {"name": "two", "effect": "allow", "roles": ["*"], "actions": [],
                   "condition": "resource.attr.amount + 1"}]}""");
        assertEquals(422, response.status(), response.body());
        assertEquals("invalid_policy", response.errorCode());
        JsonNode details = response.json().get("error").get("details");
        assertTrue(details.size() >= 4, details.toString());
        assertEquals("id", details.get(0).get("path").asText());
        boolean syntaxError = false;
        boolean typeError = false;
        for (JsonNode detail : details) {
            if (detail.get("path").asText().equals("rules[0].condition")) {
                syntaxError = true;
                assertEquals("one", detail.get("rule").asText());
                assertEquals(1, detail.get("line").asInt());
                assertTrue(detail.get("column").asInt() > 1);
            }
            if (detail.get("path").asText().equals("rules[1].condition")) {
                typeError = true;
                assertEquals("two", detail.get("rule").asText());
            }
        }
        assertTrue(syntaxError && typeError, details.toString());
    }

    @Test
    void readsYaml() {
        ApiClient.Response response = admin.send("POST", "/v1/policies/_validate", """
                id: yaml-policy
                service: payments
                rules:
                  - name: checkout-reads
                    effect: allow
                    principals: ["spiffe://acme.prod/ns/shop/sa/checkout"]
                    actions: ["charges:read"]
                    condition: principal.attr.evn == 'prod'
                """, "Content-Type", "application/yaml");
        assertEquals(200, response.status(), response.body());
        assertEquals("possible_typo", response.json().get("warnings").get(0).get("code").asText());
    }

    @Test
    void badInputIsAClear4xx() {
        assertEquals("malformed_json", admin.post("/v1/policies/_validate", "{").errorCode());
        assertEquals("malformed_yaml", admin.send("POST", "/v1/policies/_validate", "id: [", "Content-Type",
                "application/yaml").errorCode());
        assertEquals("malformed_yaml", admin.send("POST", "/v1/policies/_validate", "id: a\n---\nid: b\n",
                "Content-Type", "application/yaml").errorCode());
        ApiClient.Response unknown = admin.post("/v1/policies/_validate",
                "{\"id\": \"p\", \"service\": \"s\", \"rules\": [], \"rulez\": []}");
        assertEquals(400, unknown.status());
        assertEquals("rulez", unknown.json().get("error").get("details").get(0).get("path").asText());
        assertEquals(403, arbiter.clientWithRoles("validate-checker", "check")
                .post("/v1/policies/_validate", Policies.allow("p", "s", "x")).status());
        assertEquals(405, admin.get("/v1/policies/_validate").status());
    }
}
