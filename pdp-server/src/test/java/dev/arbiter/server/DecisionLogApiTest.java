package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.LoggedRecords;
import dev.arbiter.store.model.PolicyJson;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every decision reaches the log, with every field as decided; single records and access rules. */
class DecisionLogApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient checker;
    static ApiClient auditor;

    @BeforeAll
    static void policyAndKeys() {
        assertEquals(201, arbiter.admin().put("/v1/policies/payments-api", Policies.PAYMENTS_API).status());
        checker = arbiter.clientWithRoles("checkout-service", "check");
        auditor = arbiter.clientWithRoles("auditor", "auditor");
    }

    @Test
    void aRecordAppearsWithinTwoSecondsWithEveryField() throws Exception {
        Instant before = Instant.now();
        JsonNode answer = checker.post("/v1/check", Policies.charge(5000)).json();
        Instant after = Instant.now();
        String decisionId = answer.get("decisionId").asText();

        JsonNode record = LoggedRecords.await(auditor, decisionId, Duration.ofSeconds(2));

        assertEquals(decisionId, record.get("decisionId").asText());
        Instant time = Instant.parse(record.get("time").asText());
        assertFalse(time.isBefore(before.minusMillis(1)) || time.isAfter(after.plusMillis(1)), time.toString());
        assertEquals(time.toEpochMilli(), UUID.fromString(decisionId).getMostSignificantBits() >>> 16,
                "the id carries the millisecond of the decision");
        assertEquals("spiffe://acme.prod/ns/shop/sa/checkout", record.at("/principal/id").asText());
        assertEquals("[\"service\"]", record.at("/principal/roles").toString());
        assertEquals("charges:create", record.get("action").asText());
        assertEquals("{\"service\":\"payments\",\"kind\":\"charge\",\"id\":\"ch_1\"}", record.get("resource").toString());
        assertTrue(record.get("allow").asBoolean());
        assertEquals("payments-api", record.get("policy").asText());
        assertEquals("checkout-can-charge", record.get("rule").asText());
        assertEquals(answer.get("revision").asLong(), record.get("revision").asLong());
        assertEquals(answer.get("reason").asText(), record.get("reason").asText());
        assertEquals("checkout-service", record.get("caller").asText());
        long latency = record.get("latencyMicros").asLong();
        assertTrue(latency >= 0 && latency < Duration.between(before, after).toNanos() / 1_000 + 1, "" + latency);
        ObjectNode asked = (ObjectNode) PolicyJson.MAPPER.readTree(Policies.charge(5000));
        ((ObjectNode) asked.get("principal")).put("type", "");
        asked.putObject("actionAttr");
        assertEquals(asked, record.get("input"), "the request as decided, defaults spelled out");
        assertTrue(record.get("shadow").isNull());
        assertEquals("check", record.get("api").asText());
        assertTrue(record.get("traceId").isNull(), "no traceparent, no trace");
    }

    @Test
    void theFrontDoorAndTheW3cTraceAreRecordedAndFilterable() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        JsonNode batch = checker.send("POST", "/v1/check/batch", "{\"checks\": [" + Policies.charge(1) + ", "
                + Policies.charge(2) + "]}", "traceparent", traceparent).json();
        String first = batch.at("/results/0/decisionId").asText();
        JsonNode record = LoggedRecords.await(auditor, first, Duration.ofSeconds(10));
        assertEquals("batch", record.get("api").asText());
        assertEquals(traceId, record.get("traceId").asText());

        LoggedRecords.await(auditor, batch.at("/results/1/decisionId").asText(), Duration.ofSeconds(10));
        JsonNode traced = auditor.get("/v1/decisions?traceId=" + traceId + "&api=batch").json();
        assertEquals(2, traced.get("decisions").size(), traced.toString());

        String ignored = checker.send("POST", "/v1/check", Policies.charge(3), "traceparent", "not-a-traceparent")
                .json().get("decisionId").asText();
        assertTrue(LoggedRecords.await(auditor, ignored, Duration.ofSeconds(10)).get("traceId").isNull(),
                "an invalid traceparent is ignored, as W3C says, and never fails the check");
    }

    @Test
    void whatADryRunPolicyWouldHaveDecidedIsRecorded() {
        assertEquals(201, arbiter.admin().put("/v1/policies/ledger-trial", """
                {"id": "ledger-trial", "service": "ledger", "mode": "dry_run", "rules": [
                  {"name": "services-read", "effect": "allow", "roles": ["*"], "actions": ["entries:read"]}]}""")
                .status());
        JsonNode answer = checker.post("/v1/check", Policies.check("entries:read", "ledger")).json();
        assertFalse(answer.get("allow").asBoolean());

        JsonNode record = LoggedRecords.await(auditor, answer.get("decisionId").asText(), Duration.ofSeconds(10));

        assertFalse(record.get("allow").asBoolean());
        assertEquals(answer.get("shadow"), record.get("shadow"));
        assertEquals("{\"allow\":true,\"policy\":\"ledger-trial\",\"rule\":\"services-read\"}",
                record.get("shadow").toString());
    }

    @Test
    void everyCheckOfABatchIsRecordedOnItsOwnAsAnswered() {
        JsonNode results = checker.post("/v1/check/batch", "{\"checks\": [" + Policies.charge(1) + ", "
                + Policies.charge(99_999) + ", " + Policies.check("refunds:create", "payments") + "]}")
                .json().get("results");
        for (JsonNode answer : results) {
            JsonNode record = LoggedRecords.await(auditor, answer.get("decisionId").asText(), Duration.ofSeconds(10));
            assertEquals(answer.get("allow"), record.get("allow"));
            assertEquals(answer.get("policy"), record.get("policy"));
            assertEquals(answer.get("rule"), record.get("rule"));
            assertEquals(answer.get("reason"), record.get("reason"));
            assertEquals("checkout-service", record.get("caller").asText());
        }
        assertEquals(99_999, LoggedRecords.await(auditor, results.get(1).get("decisionId").asText(), Duration.ofSeconds(10))
                .at("/input/resource/attr/amount").asLong());
    }

    @Test
    void theInputIsTheRequestAsDecidedWithItsDefaults() throws Exception {
        long revision = checker.post("/v1/check", Policies.charge(1)).json().get("revision").asLong();
        String decisionId = checker.post("/v1/check", """
                {"principal": {"id": "x", "roles": null}, "action": "a", "resource": {"service": "s", "kind": null},
                 "context": {"n": null, "list": [1, 2.5, "three", true], "deep": {"k": {}}}, "minRevision": %d}"""
                .formatted(revision)).json().get("decisionId").asText();

        JsonNode record = LoggedRecords.await(auditor, decisionId, Duration.ofSeconds(10));

        assertEquals(PolicyJson.MAPPER.readTree("""
                {"principal": {"id": "x", "type": "", "roles": [], "attr": {}}, "action": "a",
                 "resource": {"service": "s", "kind": "", "id": "", "attr": {}},
                 "context": {"n": null, "list": [1, 2.5, "three", true], "deep": {"k": {}}}, "actionAttr": {},
                 "minRevision": %d}"""
                .formatted(revision)), record.get("input"));
        assertTrue(record.get("policy").isNull());
        assertFalse(record.get("allow").asBoolean());
    }

    @Test
    void textThePostgresTextTypeCannotHoldIsStoredAsTheReplacementCharacter() {
        String decisionId = checker.post("/v1/check", """
                {"principal": {"id": "nul\\u0000in-id"}, "action": "a\\ud800b", "resource": {"service": "s"},
                 "context": {"k\\u0000": "v\\u0000"}}""").json().get("decisionId").asText();

        JsonNode record = LoggedRecords.await(auditor, decisionId, Duration.ofSeconds(10));

        assertEquals("nul\uFFFDin-id", record.at("/principal/id").asText());
        assertEquals("a\uFFFDb", record.get("action").asText());
        assertEquals("v\uFFFD", record.at("/input/context").get("k\uFFFD").asText());
    }

    @Test
    void unknownIdsAre404AndMalformedOnes400() {
        ApiClient.Response unknown = auditor.get("/v1/decisions/01a203c4-7853-7051-ad86-7a579e1cdcaf");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("not_found", unknown.errorCode());
        assertEquals(404, auditor.get("/v1/decisions/" + UUID.randomUUID()).status(), "not a decision id (v4)");
        for (String malformed : new String[] {"not-a-uuid", "1-1-1-1-1", "01a203c4785370517ad867a579e1cdcaf"}) {
            ApiClient.Response response = auditor.get("/v1/decisions/" + malformed);
            assertEquals(400, response.status(), malformed);
            assertEquals("decisionId", response.json().at("/error/details/0/path").asText());
        }
        ApiClient.Response withParameter = auditor.get("/v1/decisions/" + UUID.randomUUID() + "?verbose=true");
        assertEquals(400, withParameter.status());
        assertEquals("verbose", withParameter.json().at("/error/details/0/path").asText());
    }

    @Test
    void onlyAuditorsAndAdminsReadTheLog() {
        String policyAdmin = arbiter.server().createKey("policy-writer", "policy-admin");
        for (String path : new String[] {"/v1/decisions", "/v1/decisions/stats?groupBy=service",
            "/v1/decisions/verify", "/v1/decisions/" + UUID.randomUUID()}) {
            assertEquals(401, arbiter.client(null).get(path).status(), path);
            assertEquals(403, checker.get(path).status(), path);
            assertEquals(403, arbiter.client(policyAdmin).get(path).status(), path);
            int status = auditor.get(path).status();
            assertTrue(status == 200 || status == 404, path + " " + status);
            assertEquals(status, arbiter.admin().get(path).status(), path);
        }
    }

    @Test
    void readinessReportsTheLogsCounters() {
        JsonNode ready = Eventually.await(Duration.ofSeconds(10), "a record written", () -> {
            JsonNode health = arbiter.client(null).get("/health/ready").json();
            return health.at("/audit/written").asLong() > 0 ? health : null;
        });
        JsonNode audit = ready.get("audit");
        assertEquals("writing", audit.get("state").asText());
        for (String counter : new String[] {"queued", "spilled", "spillPending", "lost", "refused", "rejected"}) {
            assertEquals(0, audit.get(counter).asLong(), counter);
        }
    }
}
