package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApplyApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;
    static ApiClient checker;

    @BeforeAll
    static void clients() {
        admin = arbiter.admin();
        checker = arbiter.clientWithRoles("checker", "check");
    }

    static List<String> ids(String service) {
        List<String> ids = new ArrayList<>();
        admin.get("/v1/policies?service=" + service).json().get("policies").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static String bundle(String... policies) {
        return "{\"policies\": [" + String.join(",", policies) + "]}";
    }

    @Test
    void makesTheStoreEqualToTheBundleForItsServicesInOneRevision() {
        admin.put("/v1/policies/orders-keep", Policies.allow("orders-keep", "orders", "read"));
        admin.put("/v1/policies/orders-edit", Policies.allow("orders-edit", "orders", "read"));
        admin.put("/v1/policies/orders-drop", Policies.allow("orders-drop", "orders", "read"));
        admin.put("/v1/policies/stock-other", Policies.allow("stock-other", "stock", "read"));
        long before = Policies.storeRevision(admin);

        ApiClient.Response applied = admin.post("/v1/policies/_apply", bundle(
                Policies.allow("orders-keep", "orders", "read"),
                Policies.allow("orders-edit", "orders", "write"),
                Policies.allow("orders-new", "orders", "ship")));
        assertEquals(200, applied.status(), applied.body());
        JsonNode diff = applied.json();
        assertFalse(diff.get("dryRun").asBoolean());
        assertEquals(before + 1, diff.get("revision").asLong(), "one revision for the whole apply");
        assertEquals(Long.toString(before + 1), applied.header("Arbiter-Revision"));
        assertEquals(List.of("orders"), strings(diff.get("services")));
        assertEquals(List.of("orders-new"), strings(diff.get("created")));
        assertEquals(List.of("orders-edit"), strings(diff.get("updated")));
        assertEquals(List.of("orders-drop"), strings(diff.get("deleted")));
        assertEquals(List.of("orders-keep"), strings(diff.get("unchanged")));

        assertEquals(List.of("orders-edit", "orders-keep", "orders-new"), ids("orders"));
        assertEquals(List.of("stock-other"), ids("stock"));
        assertEquals(1, admin.get("/v1/policies/orders-keep").json().get("version").asInt());
        assertTrue(checker.post("/v1/check", Policies.check("ship", "orders")).json().get("allow").asBoolean(),
                "the apply is decided on before it is answered");

        ApiClient.Response again = admin.post("/v1/policies/_apply", bundle(
                Policies.allow("orders-keep", "orders", "read"),
                Policies.allow("orders-edit", "orders", "write"),
                Policies.allow("orders-new", "orders", "ship")));
        assertEquals(before + 1, again.json().get("revision").asLong(), "nothing changed, nothing written");
        assertEquals(3, again.json().get("unchanged").size());
        assertEquals(before + 1, Policies.storeRevision(admin));
    }

    @Test
    void oneInvalidPolicyInFiftyChangesNothing() {
        admin.put("/v1/policies/atomic-00", Policies.allow("atomic-00", "atomic", "old"));
        long before = Policies.storeRevision(admin);
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = "atomic-%02d".formatted(i);
            policies.add(i == 37
                    ? Policies.allow(id, "atomic", "x").replace("\"actions\"", "\"condition\": \"resource.attr.a >\", \"actions\"")
                    : Policies.allow(id, "atomic", "new"));
        }
        ApiClient.Response rejected = admin.post("/v1/policies/_apply", bundle(policies.toArray(String[]::new)));
        assertEquals(422, rejected.status(), rejected.body());
        assertEquals("invalid_policy", rejected.errorCode());
        assertTrue(rejected.json().get("error").get("message").asText().contains("policies[37] (atomic-37)"),
                rejected.body());
        JsonNode detail = rejected.json().get("error").get("details").get(0);
        assertEquals("policies[37].rules[0].condition", detail.get("path").asText());
        assertEquals("r", detail.get("rule").asText());
        assertEquals(1, detail.get("line").asInt());

        assertEquals(before, Policies.storeRevision(admin), "the revision is unchanged");
        assertEquals(List.of("atomic-00"), ids("atomic"));
        assertEquals("old", admin.get("/v1/policies/atomic-00").json().get("rules").get(0).get("actions").get(0).asText());
    }

    @Test
    void aDryRunAnswersTheDifferenceWithoutWriting() {
        admin.put("/v1/policies/plan-old", Policies.allow("plan-old", "plan", "read"));
        long before = Policies.storeRevision(admin);
        ApiClient.Response plan = admin.post("/v1/policies/_apply?dryRun=true",
                bundle(Policies.allow("plan-new", "plan", "read")));
        assertEquals(200, plan.status(), plan.body());
        assertTrue(plan.json().get("dryRun").asBoolean());
        assertEquals(before, plan.json().get("revision").asLong());
        assertNull(plan.header("Arbiter-Revision"));
        assertEquals(List.of("plan-new"), strings(plan.json().get("created")));
        assertEquals(List.of("plan-old"), strings(plan.json().get("deleted")));
        assertEquals(before, Policies.storeRevision(admin));
        assertEquals(List.of("plan-old"), ids("plan"));
    }

    @Test
    void readsYamlStreamsAndYamlBundles() {
        ApiClient.Response stream = admin.send("POST", "/v1/policies/_apply", """
                id: yaml-a
                service: yaml-svc
                rules:
                  - {name: r, effect: allow, roles: ["*"], actions: [read]}
                ---
                id: yaml-b
                service: yaml-svc
                mode: dry_run
                rules:
                  - name: r
                    effect: deny
                    roles: ["*"]
                    actions: [read]
                    condition: resource.attr.secret == true
                """, "Content-Type", "application/yaml");
        assertEquals(200, stream.status(), stream.body());
        assertEquals(List.of("yaml-a", "yaml-b"), strings(stream.json().get("created")));
        assertEquals("dry_run", admin.get("/v1/policies/yaml-b").json().get("mode").asText());

        ApiClient.Response envelope = admin.send("POST", "/v1/policies/_apply", """
                services: [yaml-svc]
                policies: []
                """, "Content-Type", "application/yaml; charset=utf-8");
        assertEquals(200, envelope.status(), envelope.body());
        assertEquals(List.of("yaml-a", "yaml-b"), strings(envelope.json().get("deleted")));
        assertEquals(List.of(), ids("yaml-svc"));
    }

    @Test
    void aYamlSequenceIsNotAStreamOfDocuments() {
        long before = Policies.storeRevision(admin);
        ApiClient.Response wrapped = admin.send("POST", "/v1/policies/_apply", """
                - services: [yaml-seq]
                  policies:
                    - {id: yaml-seq-a, service: yaml-seq, rules: [{name: r, effect: allow, roles: ["*"], actions: [read]}]}
                """, "Content-Type", "application/yaml");
        assertEquals(400, wrapped.status(), wrapped.body());
        assertEquals(before, Policies.storeRevision(admin));
        assertEquals(List.of(), ids("yaml-seq"));
    }

    @Test
    void ifUnchangedSinceRefusesAStalePlan() {
        admin.put("/v1/policies/guarded-a", Policies.allow("guarded-a", "guarded", "read"));
        long planned = admin.post("/v1/policies/_apply?dryRun=true",
                bundle(Policies.allow("guarded-a", "guarded", "write"))).json().get("revision").asLong();
        admin.put("/v1/policies/guarded-b", Policies.allow("guarded-b", "guarded", "read"));
        long before = Policies.storeRevision(admin);

        ApiClient.Response stale = admin.post("/v1/policies/_apply?ifUnchangedSince=" + planned,
                bundle(Policies.allow("guarded-a", "guarded", "write")));
        assertEquals(412, stale.status(), stale.body());
        assertEquals("precondition_failed", stale.errorCode());
        assertTrue(stale.json().get("error").get("message").asText().contains("guarded-b"));
        assertEquals(before, Policies.storeRevision(admin));
        assertEquals(List.of("guarded-a", "guarded-b"), ids("guarded"));

        ApiClient.Response fresh = admin.post("/v1/policies/_apply?ifUnchangedSince=" + before,
                bundle(Policies.allow("guarded-a", "guarded", "write")));
        assertEquals(200, fresh.status(), fresh.body());
        assertEquals(List.of("guarded-a"), ids("guarded"));
    }

    @Test
    void refusesBundlesThatAreNotValidAsAWhole() {
        long before = Policies.storeRevision(admin);
        ApiClient.Response duplicate = admin.post("/v1/policies/_apply",
                bundle(Policies.allow("dup", "d", "a"), Policies.allow("dup", "d", "b")));
        assertEquals(422, duplicate.status());
        assertEquals("policies[1].id", duplicate.json().get("error").get("details").get(0).get("path").asText());

        ApiClient.Response outside = admin.post("/v1/policies/_apply",
                "{\"services\": [\"a\"], \"policies\": [" + Policies.allow("elsewhere", "b", "x") + "]}");
        assertEquals(422, outside.status());
        assertEquals("policies[0].service", outside.json().get("error").get("details").get(0).get("path").asText());

        ApiClient.Response badService = admin.post("/v1/policies/_apply", "{\"services\": [\"pay*\"], \"policies\": []}");
        assertEquals(422, badService.status());
        assertEquals(before, Policies.storeRevision(admin));
    }

    @Test
    void malformedRequestsAreClear4xxAndChangeNothing() {
        long before = Policies.storeRevision(admin);
        assertEquals("malformed_json", admin.post("/v1/policies/_apply", "{\"policies\": [").errorCode());
        assertEquals("malformed_json", admin.post("/v1/policies/_apply", "").errorCode());
        assertEquals("invalid_request", admin.post("/v1/policies/_apply", "[]").errorCode());
        assertEquals("invalid_request", admin.post("/v1/policies/_apply", "{}").errorCode());
        ApiClient.Response wrongShape = admin.post("/v1/policies/_apply",
                "{\"policies\": [{\"id\": \"x\", \"service\": \"s\"}, 3], \"extra\": 1}");
        assertEquals(400, wrongShape.status());
        List<String> paths = new ArrayList<>();
        wrongShape.json().get("error").get("details").forEach(detail -> paths.add(detail.get("path").asText()));
        assertTrue(paths.containsAll(List.of("extra", "policies[0].rules", "policies[1]")), paths.toString());
        assertEquals("malformed_yaml", admin.send("POST", "/v1/policies/_apply", "policies: [", "Content-Type",
                "application/yaml").errorCode());
        assertEquals("malformed_yaml", admin.send("POST", "/v1/policies/_apply", "", "Content-Type",
                "application/yaml").errorCode());
        assertEquals("malformed_yaml", admin.send("POST", "/v1/policies/_apply", "a: 1\na: 2\n", "Content-Type",
                "application/yaml").errorCode(), "duplicate keys are refused in YAML too");
        assertEquals("invalid_request", admin.post("/v1/policies/_apply?dryRun=yes", bundle()).errorCode());
        assertEquals("invalid_request", admin.post("/v1/policies/_apply?ifUnchangedSince=-1", bundle()).errorCode());
        assertEquals(403, arbiter.clientWithRoles("apply-auditor", "auditor").post("/v1/policies/_apply", bundle())
                .status());
        assertEquals(before, Policies.storeRevision(admin));
    }

    @Test
    void pathsUnderscoredAreNeverPolicies() {
        long before = Policies.storeRevision(admin);
        assertEquals("not_found", admin.put("/v1/policies/_apply2", Policies.allow("_apply2", "s", "x")).errorCode());
        assertEquals(405, admin.put("/v1/policies/_apply", Policies.allow("x", "s", "x")).status());
        assertEquals(405, admin.delete("/v1/policies/_validate").status());
        assertEquals(405, admin.get("/v1/policies/_impact").status());
        assertEquals(404, admin.get("/v1/policies/_whatif").status());
        assertEquals(404, admin.get("/v1/policies/_apply/versions").status());
        assertEquals(404, admin.post("/v1/policies/_x/rollback?to=1", null).status());
        assertEquals(before, Policies.storeRevision(admin));
    }
}
