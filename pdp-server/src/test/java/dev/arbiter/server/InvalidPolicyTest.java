package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed or invalid policy write answers a clear 4xx and stores nothing. */
class InvalidPolicyTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;

    @BeforeAll
    static void clients() {
        admin = arbiter.admin();
    }

    /** Writes {@code body} as policy "p" and checks the answer and that nothing changed. */
    private static JsonNode rejected(String body, int status, String code) {
        long before = admin.get("/v1/policies").json().get("revision").asLong();
        ApiClient.Response response = admin.put("/v1/policies/p", body);
        assertEquals(status, response.status(), response.body());
        assertEquals(code, response.errorCode(), response.body());
        assertTrue(response.json().get("error").get("message").asText().length() > 5);
        assertEquals(before, admin.get("/v1/policies").json().get("revision").asLong(), "the revision is unchanged");
        assertEquals(404, admin.get("/v1/policies/p").status(), "nothing was stored");
        return response.json().get("error");
    }

    private static String withRules(String rules) {
        return "{\"id\": \"p\", \"service\": \"s\", \"rules\": [" + rules + "]}";
    }

    private static String withCondition(String condition) {
        return withRules("{\"name\": \"r\", \"effect\": \"allow\", \"roles\": [\"*\"], \"actions\": [\"x\"], \"condition\": \""
                + condition + "\"}");
    }

    @Test
    void badJson() {
        rejected("{\"id\": \"p\", ", 400, "malformed_json");
        rejected("", 400, "malformed_json");
        rejected("[1, 2]", 400, "invalid_request");
        rejected("\"just a string\"", 400, "invalid_request");
    }

    @Test
    void missingAndWronglyTypedFields() {
        JsonNode missing = rejected("{\"id\": \"p\", \"rules\": []}", 400, "invalid_request");
        assertEquals("service", missing.get("details").get(0).get("path").asText());
        JsonNode wrongType = rejected("{\"id\": \"p\", \"service\": 42, \"rules\": {}}", 400, "invalid_request");
        assertEquals(2, wrongType.get("details").size());
        rejected(withRules("{\"name\": \"r\", \"effect\": \"allow\", \"roles\": \"*\", \"actions\": [\"x\"]}"), 400,
                "invalid_request");
        rejected(withRules("{\"name\": \"r\", \"effect\": true, \"roles\": [\"*\"], \"actions\": [\"x\"]}"), 400,
                "invalid_request");
    }

    @Test
    void unknownFields() {
        JsonNode error = rejected(withRules(
                "{\"name\": \"r\", \"effect\": \"allow\", \"roles\": [\"*\"], \"actions\": [\"x\"], \"principal\": [\"a\"]}"),
                400, "invalid_request");
        assertEquals("rules[0].principal", error.get("details").get(0).get("path").asText());
        assertEquals("unknown field", error.get("details").get(0).get("message").asText());
    }

    @Test
    void celSyntaxErrorsCarryLineAndColumn() {
        JsonNode error = rejected(withCondition("resource.attr.a == 1 &&\\n  (resource.attr.b"), 422, "invalid_policy");
        JsonNode detail = error.get("details").get(0);
        assertEquals("rules[0].condition", detail.get("path").asText());
        assertEquals("r", detail.get("rule").asText());
        assertEquals(2, detail.get("line").asInt());
        assertTrue(detail.get("column").asInt() > 0);
    }

    @Test
    void nonBoolConditions() {
        JsonNode error = rejected(withCondition("1 + 2"), 422, "invalid_policy");
        assertTrue(error.get("details").get(0).get("message").asText().contains("bool"));
        rejected(withCondition("'text'"), 422, "invalid_policy");
    }

    @Test
    void unknownVariables() {
        JsonNode error = rejected(withCondition("subject.id == 'x'"), 422, "invalid_policy");
        JsonNode detail = error.get("details").get(0);
        assertTrue(detail.get("message").asText().contains("subject"));
        assertEquals(1, detail.get("line").asInt());
        assertEquals(1, detail.get("column").asInt());
    }

    @Test
    void duplicateRuleNames() {
        String rule = "{\"name\": \"same\", \"effect\": \"allow\", \"roles\": [\"*\"], \"actions\": [\"x\"]}";
        JsonNode error = rejected(withRules(rule + ", " + rule), 422, "invalid_policy");
        assertEquals("rules[1].name", error.get("details").get(0).get("path").asText());
    }

    @ParameterizedTest
    @CsvSource({"BadId", "_apply", "with%20space", "a..b%2Fc"})
    void badIds(String id) {
        long before = admin.get("/v1/policies").json().get("revision").asLong();
        ApiClient.Response response = admin.put("/v1/policies/" + id,
                "{\"service\": \"s\", \"rules\": [{\"name\": \"r\", \"effect\": \"allow\", \"roles\": [\"*\"], \"actions\": [\"x\"]}]}");
        assertTrue(response.status() == 422 || response.status() == 404 || response.status() == 405,
                response.status() + " " + response.body());
        assertTrue(response.errorCode() != null, response.body());
        assertEquals(before, admin.get("/v1/policies").json().get("revision").asLong());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        JsonNode error = rejected("""
                {"id": "p", "service": "pay*", "rules": [
                  {"name": "Bad", "effect": "allow", "actions": [], "condition": "nope"},
                  {"name": "ok", "effect": "deny", "roles": ["*"], "actions": ["x"], "condition": "1"}]}""",
                422, "invalid_policy");
        assertTrue(error.get("details").size() >= 5, error.toString());
    }
}
