package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Candidate policies replayed against logged decisions: what would flip, and nothing written. */
class ImpactApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static final String IMPACT = "/v1/policies/_impact";

    static ApiClient admin;
    static ApiClient checker;
    /** Decision ids of the refunds of 500, 800 and 2000, in that order (so 2000 is the newest). */
    static List<String> refunds;

    @BeforeAll
    static void loggedRefunds() {
        admin = arbiter.admin();
        checker = arbiter.clientWithRoles("checker", "check");
        assertEquals(201, admin.put("/v1/policies/refunds", refunds("resource.attr.amount <= 1000")).status());
        refunds = new ArrayList<>();
        for (long amount : new long[] {500, 800, 2000}) {
            refunds.add(checker.post("/v1/check", refund(amount)).json().get("decisionId").asText());
        }
        LoggedRows.awaitEachOnce(arbiter.server().dbUrl(), refunds);
    }

    static String refunds(String condition) {
        return refunds("support-refunds", condition);
    }

    static String refunds(String rule, String condition) {
        return """
                {"id": "refunds", "service": "payments", "rules": [
                  {"name": "%s", "effect": "allow", "roles": ["support"], "actions": ["refunds:create"],
                   "condition": "%s"}]}""".formatted(rule, condition);
    }

    static String refund(long amount) {
        return """
                {"principal": {"id": "agent-7", "roles": ["support"]}, "action": "refunds:create",
                 "resource": {"service": "payments", "kind": "refund", "id": "rf-%d", "attr": {"amount": %d}}}"""
                .formatted(amount, amount);
    }

    static String bundle(String... policies) {
        return "{\"policies\": [" + String.join(",", policies) + "]}";
    }

    static JsonNode impact(String query, String body) {
        ApiClient.Response response = admin.post(IMPACT + query, body);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void countsAndListsFlipsBothWaysAgainstTheCurrentPolicies() {
        JsonNode impact = impact("", bundle(refunds("resource.attr.amount >= 700")));

        assertEquals(Policies.storeRevision(admin), impact.get("revision").asLong());
        assertEquals(List.of("payments"), strings(impact.get("services")));
        assertEquals(List.of("refunds"), strings(impact.at("/policies/updated")));
        assertEquals(List.of("payments"), strings(impact.get("replayedServices")));
        assertEquals(3, impact.get("replayed").asLong(), impact.toString());
        assertEquals(2, impact.get("flipped").asLong());
        assertEquals(1, impact.get("allowToDeny").asLong(), "500 is no longer allowed");
        assertEquals(1, impact.get("denyToAllow").asLong(), "2000 becomes allowed");
        assertEquals(0, impact.get("ruleChanged").asLong(), "800 stays allowed by the same rule");
        assertEquals(0, impact.get("drift").asLong());
        assertEquals(0, impact.get("masked").asLong());
        assertFalse(impact.get("truncated").asBoolean());

        JsonNode flips = impact.get("flips");
        assertEquals(2, flips.size());
        JsonNode newest = flips.get(0);
        assertEquals(refunds.get(2), newest.get("decisionId").asText(), "newest first");
        assertEquals("agent-7", newest.at("/principal/id").asText());
        assertEquals("[\"support\"]", newest.at("/principal/roles").toString());
        assertEquals("refunds:create", newest.get("action").asText());
        assertEquals("{\"service\":\"payments\",\"kind\":\"refund\",\"id\":\"rf-2000\"}",
                newest.get("resource").toString());
        assertFalse(newest.get("masked").asBoolean());
        assertFalse(newest.at("/before/allow").asBoolean());
        assertTrue(newest.at("/before/policy").isNull());
        assertTrue(newest.at("/after/allow").asBoolean());
        assertEquals("refunds", newest.at("/after/policy").asText());
        assertEquals("support-refunds", newest.at("/after/rule").asText());
        assertEquals("allowed by refunds/support-refunds", newest.at("/after/reason").asText());
        Instant time = Instant.parse(newest.get("time").asText());
        assertEquals(time.toString(), impact.get("newest").asText());

        JsonNode oldest = flips.get(1);
        assertEquals(refunds.get(0), oldest.get("decisionId").asText());
        assertTrue(oldest.at("/before/allow").asBoolean());
        assertEquals("support-refunds", oldest.at("/before/rule").asText());
        assertFalse(oldest.at("/after/allow").asBoolean());
        assertTrue(oldest.at("/after/rule").isNull());
        assertTrue(oldest.at("/after/reason").asText().startsWith("denied by default"));
        assertEquals(oldest.get("time").asText(), impact.get("oldest").asText());
    }

    @Test
    void theStoredPoliciesThemselvesFlipNothing() {
        JsonNode impact = impact("", bundle(refunds("resource.attr.amount <= 1000")));

        assertEquals(List.of("refunds"), strings(impact.at("/policies/unchanged")));
        assertEquals(3, impact.get("replayed").asLong());
        assertEquals(0, impact.get("flipped").asLong());
        assertEquals(0, impact.get("ruleChanged").asLong());
        assertEquals(0, impact.get("drift").asLong());
        assertEquals(0, impact.get("flips").size());
    }

    @Test
    void anotherDecidingRuleIsCountedApartFromFlips() {
        JsonNode impact = impact("", bundle(refunds("renamed-refunds", "resource.attr.amount <= 1000")));

        assertEquals(0, impact.get("flipped").asLong());
        assertEquals(2, impact.get("ruleChanged").asLong(), "the two allows now name another rule; the default deny does not");
    }

    @Test
    void aPolicyForAnotherServiceChangesNoDecisionOfThisOne() {
        JsonNode impact = impact("", bundle(refunds("resource.attr.amount <= 1000"), """
                {"id": "stock-lockdown", "service": "stock", "rules": [
                  {"name": "nobody", "effect": "deny", "roles": ["*"], "actions": ["*"]}]}"""));

        assertEquals(List.of("payments", "stock"), strings(impact.get("replayedServices")));
        assertEquals(List.of("stock-lockdown"), strings(impact.at("/policies/created")));
        assertEquals(3, impact.get("replayed").asLong(), "only the payments decisions are in the log");
        assertEquals(0, impact.get("flipped").asLong());
    }

    @Test
    void anOrganisationWidePolicyReplaysEveryService() {
        JsonNode impact = impact("?service=payments", bundle("""
                {"id": "freeze", "service": "*", "rules": [
                  {"name": "no-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"]}]}"""));

        assertEquals(List.of("*"), strings(impact.get("replayedServices")));
        assertEquals(3, impact.get("replayed").asLong());
        assertEquals(2, impact.get("allowToDeny").asLong());
        assertEquals(0, impact.get("denyToAllow").asLong());
        assertEquals(1, impact.get("ruleChanged").asLong(), "the default deny of 2000 becomes a deny by freeze");
        assertEquals("freeze", impact.at("/flips/0/after/policy").asText());
    }

    @Test
    void limitTakesTheNewestAndMaxFlipsCapsTheList() {
        JsonNode newestTwo = impact("?limit=2", bundle(refunds("resource.attr.amount >= 700")));
        assertEquals(2, newestTwo.get("replayed").asLong());
        assertEquals(1, newestTwo.get("flipped").asLong(), "500 is the oldest and was not replayed");
        assertEquals(refunds.get(2), newestTwo.at("/flips/0/decisionId").asText());

        JsonNode capped = impact("?maxFlips=1", bundle(refunds("resource.attr.amount >= 700")));
        assertEquals(2, capped.get("flipped").asLong());
        assertEquals(1, capped.get("flips").size());
        assertTrue(capped.get("truncated").asBoolean());

        JsonNode countsOnly = impact("?maxFlips=0&allow=true", bundle(refunds("resource.attr.amount >= 700")));
        assertEquals(2, countsOnly.get("replayed").asLong(), "only the logged allows");
        assertEquals(1, countsOnly.get("flipped").asLong());
        assertEquals(0, countsOnly.get("flips").size());

        JsonNode future = impact("?from=2999-01-01", bundle(refunds("resource.attr.amount >= 700")));
        assertEquals(0, future.get("replayed").asLong());
        assertTrue(future.get("newest").isNull());
    }

    @Test
    void yamlCandidatesAreReadAsForApply() {
        ApiClient.Response response = admin.send("POST", IMPACT, """
                id: refunds
                service: payments
                rules:
                  - name: support-refunds
                    effect: allow
                    roles: [support]
                    actions: ["refunds:create"]
                    condition: resource.attr.amount >= 700
                """, "Content-Type", "application/yaml");
        assertEquals(200, response.status(), response.body());
        assertEquals(2, response.json().get("flipped").asLong());
    }

    @Test
    void driftCountsLoggedDecisionsTheCurrentPoliciesDecideOtherwise() {
        String ledger = """
                {"id": "ledger", "service": "ledger", "rules": [
                  {"name": "read", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}""";
        assertEquals(201, admin.put("/v1/policies/ledger", ledger.formatted("entries:read")).status());
        String decisionId = checker.post("/v1/check", Policies.check("entries:read", "ledger")).json()
                .get("decisionId").asText();
        LoggedRows.awaitEachOnce(arbiter.server().dbUrl(), List.of(decisionId));
        assertEquals(200, admin.put("/v1/policies/ledger", ledger.formatted("entries:list")).status());

        JsonNode impact = impact("", bundle(ledger.formatted("entries:read")));

        assertEquals(1, impact.get("replayed").asLong());
        assertEquals(1, impact.get("drift").asLong(), "logged as allowed, denied by the current policy");
        assertEquals(1, impact.get("denyToAllow").asLong(), "against the current policy, the candidate allows again");
        assertFalse(impact.at("/flips/0/before/allow").asBoolean());
    }

    @Test
    void conditionsOnTimeSeeTheMomentOfTheOriginalDecision() throws InterruptedException {
        assertEquals(201, admin.put("/v1/policies/clock", Policies.allow("clock", "clock", "tick")).status());
        String early = checker.post("/v1/check", Policies.check("tick", "clock")).json().get("decisionId").asText();
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        String late = checker.post("/v1/check", Policies.check("tick", "clock")).json().get("decisionId").asText();
        LoggedRows.awaitEachOnce(arbiter.server().dbUrl(), List.of(early, late));

        JsonNode impact = impact("", bundle("""
                {"id": "clock", "service": "clock", "rules": [
                  {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["tick"],
                   "condition": "now < timestamp('%s')"}]}""".formatted(between)));

        assertEquals(2, impact.get("replayed").asLong());
        assertEquals(1, impact.get("allowToDeny").asLong(), impact.toString());
        assertEquals(late, impact.at("/flips/0/decisionId").asText());
    }

    @Test
    void anInvalidCandidateIs422WithItsPosition() {
        ApiClient.Response response = admin.post(IMPACT, bundle(
                Policies.allow("fine", "payments", "x"), refunds("resource.attr.amount <=")));

        assertEquals(422, response.status(), response.body());
        assertEquals("invalid_policy", response.errorCode());
        JsonNode detail = response.json().at("/error/details/0");
        assertEquals("policies[1].rules[0].condition", detail.get("path").asText());
        assertEquals("support-refunds", detail.get("rule").asText());
        assertEquals(1, detail.get("line").asInt());
        assertTrue(response.json().at("/error/message").asText().contains("policies[1] (refunds)"));
    }

    @Test
    void badRequestsAre400() {
        String body = bundle(refunds("true"));
        for (String query : List.of("?limt=5", "?limit=0", "?limit=100001", "?limit=ten", "?maxFlips=1001",
                "?maxFlips=-1", "?from=yesterday", "?from=2026-01-02&to=2026-01-01", "?limit=1&limit=2",
                "?allow=maybe", "?service=", "?cursor=x", "?dryRun=true")) {
            ApiClient.Response response = admin.post(IMPACT + query, body);
            assertEquals(400, response.status(), query + ": " + response.body());
            assertEquals("invalid_request", response.errorCode(), query);
        }
        assertEquals("malformed_json", admin.post(IMPACT, "{\"policies\": [").errorCode());
        assertEquals("invalid_request", admin.post(IMPACT, "{\"policy\": []}").errorCode());
        assertEquals(400, admin.post(IMPACT, "").status());
        assertEquals(405, admin.get(IMPACT).status());
    }

    @Test
    void nothingStoredChanges() {
        String policies = admin.get("/v1/policies").body();
        String versions = admin.get("/v1/policies/refunds/versions").body();
        Map<String, Integer> logged = LoggedRows.countsById(arbiter.server().dbUrl());

        impact("", bundle(refunds("resource.attr.amount >= 700"), Policies.allow("brand-new", "payments", "x")));
        impact("", bundle());
        admin.post(IMPACT, bundle(refunds("resource.attr.amount <=")));
        admin.post(IMPACT + "?limit=0", bundle(refunds("true")));

        assertEquals(policies, admin.get("/v1/policies").body(), "same policies at the same revision");
        assertEquals(versions, admin.get("/v1/policies/refunds/versions").body());
        assertEquals(404, admin.get("/v1/policies/brand-new").status());
        assertEquals(logged, LoggedRows.countsById(arbiter.server().dbUrl()), "replayed decisions are not logged");
    }

    @Test
    void onlyPolicyAdminsMayPreview() {
        String body = bundle(refunds("true"));
        assertEquals(403, checker.post(IMPACT, body).status());
        assertEquals(403, arbiter.clientWithRoles("impact-auditor", "auditor").post(IMPACT, body).status());
        assertEquals(401, arbiter.client(null).post(IMPACT, body).status());
        ApiClient.Response editor = arbiter.clientWithRoles("impact-editor", "policy-admin").post(IMPACT, body);
        assertEquals(200, editor.status(), editor.body());
    }

    @Test
    void maskedInputsAreReplayedButFlagged() {
        try (TestServer server = TestServer.start(TestDatabases.freshUrl(),
                Map.of("ARBITER_AUDIT_MASK", "resource.attr.amount,context"))) {
            ApiClient masking = server.admin();
            assertEquals(201, masking.put("/v1/policies/refunds", refunds("resource.attr.amount <= 1000")).status());
            String withContext = refund(500).replaceFirst("}}$", "}, \"context\": {\"sourceIp\": \"10.1.2.3\"}}");
            String decisionId = masking.post("/v1/check", withContext).json().get("decisionId").asText();
            LoggedRows.awaitEachOnce(server.dbUrl(), List.of(decisionId));

            ApiClient.Response stricter = masking.post(IMPACT, bundle(refunds("resource.attr.amount >= 700")));
            assertEquals(200, stricter.status(), stricter.body());
            JsonNode impact = stricter.json();
            assertEquals(1, impact.get("replayed").asLong(), "a context masked as a whole is read as empty");
            assertEquals(0, impact.get("unreadable").asLong());
            assertEquals(1, impact.get("masked").asLong());
            assertEquals(1, impact.get("drift").asLong(),
                    "the stars are no amount: the condition fails, where the real value was allowed");
            assertEquals(0, impact.get("flipped").asLong(), "both the current and the candidate condition fail");

            JsonNode unconditional = masking.post(IMPACT, bundle(refunds("true"))).json();
            assertEquals(1, unconditional.get("denyToAllow").asLong());
            assertEquals(1, unconditional.get("maskedFlipped").asLong());
            assertTrue(unconditional.at("/flips/0/masked").asBoolean(), "a flip seen through masked values is flagged");
        }
    }
}
