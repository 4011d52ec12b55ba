package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.LoggedRows;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory: facts about principals and resources, written like policies and merged into every decision. */
class DirectoryApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static final String ORDERS = """
            {"id": "orders", "service": "orders", "rules": [
              {"name": "managers-approve", "effect": "allow", "roles": ["manager"], "actions": ["approve"],
               "condition": "principal.attr.region == resource.attr.region"}]}""";
    static final String WORKLOAD = "spiffe://acme.prod/ns/shop/sa/checkout";

    static ApiClient admin;
    static ApiClient auditor;
    static ApiClient checker;

    @BeforeAll
    static void clients() {
        admin = arbiter.admin();
        auditor = arbiter.clientWithRoles("directory-auditor", "auditor");
        checker = arbiter.clientWithRoles("directory-checker", "check");
        assertEquals(201, admin.put("/v1/policies/orders", ORDERS).status());
    }

    private static String approve(String principal, long minRevision) {
        return """
                {"principal": {"id": "%s"}, "action": "approve",
                 "resource": {"service": "orders", "kind": "order", "id": "o-1"}, "minRevision": %d}"""
                .formatted(principal, minRevision);
    }

    private static String path(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Test
    void storedFactsDecideAndARevokedRoleIsGoneForACheckNamingTheWrite() {
        ApiClient.Response applied = admin.post("/v1/entities/_apply", """
                {"principals": [{"id": "%s", "type": "workload", "roles": ["manager"], "attr": {"region": "eu"}}],
                 "resources": [{"service": "orders", "kind": "order", "id": "o-1", "attr": {"region": "eu"}}]}"""
                .formatted(WORKLOAD));
        assertEquals(200, applied.status(), applied.body());
        assertEquals(1, applied.json().at("/principals/created").asLong());
        assertEquals(1, applied.json().at("/resources/created").asLong());
        long written = Long.parseLong(applied.header("Arbiter-Revision"));

        JsonNode allowed = checker.post("/v1/check?explain=true", approve(WORKLOAD, written)).json();
        assertTrue(allowed.get("allow").asBoolean(), allowed.toString());
        assertEquals("[\"manager\"]", allowed.at("/directory/principal/roles").toString());
        assertEquals("[\"region\"]", allowed.at("/directory/resource/attr").toString());

        long revoked = Long.parseLong(admin.post("/v1/entities/_apply", """
                {"principals": [{"id": "%s", "type": "workload", "roles": [], "attr": {"region": "eu"}}]}"""
                .formatted(WORKLOAD)).header("Arbiter-Revision"));
        assertTrue(revoked > written);
        JsonNode denied = checker.post("/v1/check", approve(WORKLOAD, revoked)).json();
        assertFalse(denied.get("allow").asBoolean(), "the revoked role no longer allows: " + denied);
    }

    @Test
    void theDirectorysAttributesWinOverTheCallersClaims() {
        admin.post("/v1/entities/_apply", """
                {"principals": [{"id": "claimer", "roles": ["manager"], "attr": {"region": "us"}}]}""");
        long revision = Long.parseLong(admin.post("/v1/entities/_apply", """
                {"resources": [{"service": "orders", "kind": "order", "id": "o-1", "attr": {"region": "eu"}}]}""")
                .json().get("revision").asText());
        String claiming = """
                {"principal": {"id": "claimer", "attr": {"region": "eu"}}, "action": "approve",
                 "resource": {"service": "orders", "kind": "order", "id": "o-1"}, "minRevision": %d}"""
                .formatted(revision);
        assertFalse(checker.post("/v1/check", claiming).json().get("allow").asBoolean(),
                "a claimed region does not beat the stored one");
    }

    @Test
    void entriesWithSlashesAndColonsReadListAndDeleteOneByOne() {
        assertEquals(200, admin.post("/v1/entities/_apply", """
                {"principals": [{"id": "spiffe://a/ns/x:1", "type": "workload"}, {"id": "spiffe://a/ns/x:2"},
                                {"id": "spiffe://a/ns/x:3", "type": "workload"}],
                 "resources": [{"service": "docs", "kind": "file", "id": "/home/a:b.txt", "attr": {"size": 3}}]}""")
                .status());
        JsonNode one = auditor.get("/v1/entities/principals/" + path("spiffe://a/ns/x:1")).json();
        assertEquals("workload", one.get("type").asText());
        JsonNode file = auditor.get("/v1/entities/resources/docs/file/" + path("/home/a:b.txt")).json();
        assertEquals(3, file.at("/attr/size").asLong());

        JsonNode first = auditor.get("/v1/entities/principals?type=workload&limit=1").json();
        assertEquals(1, first.get("principals").size());
        JsonNode second = auditor.get("/v1/entities/principals?type=workload&limit=1&cursor="
                + first.get("nextCursor").asText()).json();
        assertFalse(first.at("/principals/0/id").equals(second.at("/principals/0/id")));

        ApiClient.Response deleted = admin.delete("/v1/entities/principals/" + path("spiffe://a/ns/x:2"));
        assertEquals(204, deleted.status());
        assertTrue(deleted.header("Arbiter-Revision") != null);
        assertEquals(404, auditor.get("/v1/entities/principals/" + path("spiffe://a/ns/x:2")).status());
        assertEquals(404, admin.delete("/v1/entities/principals/" + path("spiffe://a/ns/x:2")).status());
    }

    @Test
    void aDryRunCountsButWritesNothingAndAnUnchangedApplyTakesNoRevision() {
        admin.post("/v1/entities/_apply", "{\"principals\": [{\"id\": \"steady\", \"attr\": {\"a\": 1}}]}");
        JsonNode dry = admin.post("/v1/entities/_apply?dryRun=true", """
                {"principals": [{"id": "steady", "attr": {"a": 2}}, {"id": "fresh"}]}""").json();
        assertTrue(dry.get("dryRun").asBoolean());
        assertEquals(1, dry.at("/principals/updated").asLong());
        assertEquals(1, dry.at("/principals/created").asLong());
        assertEquals(404, auditor.get("/v1/entities/principals/fresh").status(), "the dry run wrote nothing");

        ApiClient.Response same = admin.post("/v1/entities/_apply",
                "{\"principals\": [{\"id\": \"steady\", \"attr\": {\"a\": 1}}]}");
        assertEquals(1, same.json().at("/principals/unchanged").asLong());
        assertEquals(null, same.header("Arbiter-Revision"), "nothing written, no new revision");
    }

    @Test
    void impactReplaysAndValidationKnowTheDirectory() {
        long revision = admin.post("/v1/entities/_apply", """
                {"principals": [{"id": "replayed", "roles": ["manager"], "attr": {"region": "apac"}}],
                 "resources": [{"service": "orders", "kind": "order", "id": "o-apac",
                                "attr": {"region": "apac", "priority": 1}}]}""").json().get("revision").asLong();
        JsonNode allowed = checker.post("/v1/check", """
                {"principal": {"id": "replayed"}, "action": "approve",
                 "resource": {"service": "orders", "kind": "order", "id": "o-apac"}, "minRevision": %d}"""
                .formatted(revision)).json();
        assertTrue(allowed.get("allow").asBoolean(), allowed.toString());
        String decisionId = allowed.get("decisionId").asText();
        LoggedRows.awaitEachOnce(arbiter.server().dbUrl(), List.of(decisionId));

        String usOnly = ORDERS.replace("principal.attr.region == resource.attr.region", "resource.attr.region == 'us'");
        JsonNode impact = admin.post("/v1/policies/_impact", "{\"policies\": [" + usOnly + "]}").json();
        List<String> flipped = new ArrayList<>();
        impact.get("flips").forEach(flip -> flipped.add(flip.get("decisionId").asText()));
        assertTrue(flipped.contains(decisionId), "the replay merged the stored region in, before and after: " + impact);

        JsonNode warnings = admin.post("/v1/policies/_validate",
                ORDERS.replace("principal.attr.region == resource.attr.region", "resource.attr.priorty > 0"))
                .json().get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.at("/0/message").asText().endsWith(
                "did you mean resource.attr.priority, which the directory holds?"), warnings.toString());
    }

    @Test
    void malformedAppliesAre400sAndChangeNothing() {
        String[] bodies = {
            "{\"principals\": [{\"id\": \"x\", \"colour\": \"red\"}]}",
            "{\"principals\": [{\"id\": 7}]}",
            "{\"principals\": [{\"type\": \"user\"}]}",
            "{\"principals\": [{\"id\": \"\"}]}",
            "{\"principals\": [{\"id\": \"twice\"}, {\"id\": \"twice\"}]}",
            "{\"principals\": [{\"id\": \"x\", \"deleted\": true, \"roles\": [\"a\"]}]}",
            "{\"resources\": [{\"service\": \"s\", \"id\": \"no-kind\"}]}",
            "{\"principals\": [{\"id\": \"" + "x".repeat(1_025) + "\"}]}",
            "{\"principals\": [{\"id\": \"x\", \"attr\": {\"big\": 123456789012345678901234567890}}]}",
            "{\"entities\": []}",
            "[]",
            "not json",
        };
        for (String body : bodies) {
            ApiClient.Response refused = admin.post("/v1/entities/_apply", body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertTrue(refused.json().has("error"), body);
        }
        assertEquals(404, auditor.get("/v1/entities/principals/x").status(), "nothing was stored");
        assertEquals(404, auditor.get("/v1/entities/principals/twice").status());
    }

    @Test
    void aBodyOverSixtyFourMebibytesIs413AndWritesNothing() {
        String huge = "{\"principals\": [{\"id\": \"oversized\"}" + " ".repeat(64 * 1024 * 1024) + "]}";
        ApiClient.Response refused = admin.post("/v1/entities/_apply", huge);
        assertEquals(413, refused.status());
        assertTrue(refused.json().has("error"), refused.body());
        assertEquals(404, auditor.get("/v1/entities/principals/oversized").status());
    }

    @Test
    void onlyPolicyAdminsWriteAndAuditorsRead() {
        String body = "{\"principals\": [{\"id\": \"guarded\"}]}";
        assertEquals(403, auditor.post("/v1/entities/_apply", body).status());
        assertEquals(403, checker.post("/v1/entities/_apply", body).status());
        assertEquals(403, checker.get("/v1/entities/principals").status());
        assertEquals(200, auditor.get("/v1/entities/resources?service=docs").status());
        assertEquals(401, arbiter.server().client(null).post("/v1/entities/_apply", body).status());
    }
}
