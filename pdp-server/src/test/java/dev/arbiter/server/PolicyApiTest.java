package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PolicyApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;

    @BeforeAll
    static void clients() {
        admin = arbiter.admin();
    }

    @Test
    void createReadReplaceDelete() {
        ApiClient.Response created = admin.put("/v1/policies/crud", Policies.allow("crud", "crud-svc", "a"));
        assertEquals(201, created.status(), created.body());
        assertEquals("\"1\"", created.header("ETag"));
        assertEquals("/v1/policies/crud", created.header("Location"));
        long createdAt = Long.parseLong(created.header("Arbiter-Revision"));
        JsonNode body = created.json();
        assertEquals(1, body.get("version").asInt());
        assertEquals(createdAt, body.get("revision").asLong());
        assertEquals("admin", body.get("updatedBy").asText());
        assertEquals("enforce", body.get("mode").asText());
        assertFalse(body.get("updatedAt").asText().isEmpty());

        ApiClient.Response read = admin.get("/v1/policies/crud");
        assertEquals(200, read.status());
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals("crud-svc", read.json().get("service").asText());

        ApiClient.Response replaced = admin.put("/v1/policies/crud", Policies.allow("crud", "crud-svc", "b"));
        assertEquals(200, replaced.status());
        assertEquals("\"2\"", replaced.header("ETag"));
        assertEquals(createdAt + 1, Long.parseLong(replaced.header("Arbiter-Revision")));

        ApiClient.Response deleted = admin.delete("/v1/policies/crud");
        assertEquals(204, deleted.status());
        assertEquals(createdAt + 2, Long.parseLong(deleted.header("Arbiter-Revision")));
        assertEquals(404, admin.get("/v1/policies/crud").status());
        assertEquals("not_found", admin.delete("/v1/policies/crud").errorCode());
    }

    @Test
    void aReadPolicyCanBeWrittenBackUnchanged() {
        admin.put("/v1/policies/roundtrip", Policies.PAYMENTS_API.replace("payments-api", "roundtrip"));
        String asRead = admin.get("/v1/policies/roundtrip").body();
        ApiClient.Response written = admin.put("/v1/policies/roundtrip", asRead);
        assertEquals(200, written.status(), written.body());
        assertEquals(2, written.json().get("version").asInt());
    }

    @Test
    void theBodyIdMayBeLeftOutButMustMatchThePath() {
        ApiClient.Response withoutId = admin.put("/v1/policies/no-id",
                "{\"service\": \"s\", \"rules\": [{\"name\": \"r\", \"effect\": \"deny\", \"roles\": [\"*\"], \"actions\": [\"x\"]}]}");
        assertEquals(201, withoutId.status(), withoutId.body());
        assertEquals("no-id", withoutId.json().get("id").asText());

        ApiClient.Response mismatch = admin.put("/v1/policies/path-id", Policies.allow("body-id", "s", "x"));
        assertEquals(400, mismatch.status());
        assertEquals("id_mismatch", mismatch.errorCode());
        assertEquals(404, admin.get("/v1/policies/path-id").status());
        assertEquals(404, admin.get("/v1/policies/body-id").status());
    }

    @Test
    void listsAllOrByServiceWithTheRevision() {
        admin.put("/v1/policies/list-b", Policies.allow("list-b", "listed", "x"));
        admin.put("/v1/policies/list-a", Policies.allow("list-a", "listed", "x"));
        admin.put("/v1/policies/list-c", Policies.allow("list-c", "other-listed", "x"));
        JsonNode listed = admin.get("/v1/policies?service=listed").json();
        List<String> ids = new ArrayList<>();
        listed.get("policies").forEach(policy -> ids.add(policy.get("id").asText()));
        assertEquals(List.of("list-a", "list-b"), ids);
        assertEquals(Policies.storeRevision(admin), listed.get("revision").asLong());
        assertTrue(admin.get("/v1/policies").json().get("policies").size() >= 3);
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        admin.put("/v1/policies/guarded", Policies.allow("guarded", "s", "a"));
        ApiClient.Response stale = admin.put("/v1/policies/guarded", Policies.allow("guarded", "s", "b"),
                "If-Match", "\"7\"");
        assertEquals(412, stale.status());
        assertEquals("precondition_failed", stale.errorCode());

        ApiClient.Response fresh = admin.put("/v1/policies/guarded", Policies.allow("guarded", "s", "b"),
                "If-Match", "\"1\"");
        assertEquals(200, fresh.status());
        assertEquals(412, admin.delete("/v1/policies/guarded", "If-Match", "\"1\"").status());
        assertEquals(204, admin.delete("/v1/policies/guarded", "If-Match", "\"2\"").status());
    }

    @Test
    void ifNoneMatchCreatesOnlyOnce() {
        assertEquals(201, admin.put("/v1/policies/once", Policies.allow("once", "s", "a"), "If-None-Match", "*").status());
        long before = Policies.storeRevision(admin);
        ApiClient.Response again = admin.put("/v1/policies/once", Policies.allow("once", "s", "b"), "If-None-Match", "*");
        assertEquals(412, again.status());
        assertEquals(before, Policies.storeRevision(admin));
    }

    @Test
    void malformedPreconditionsAreBadRequests() {
        assertEquals(400, admin.put("/v1/policies/pre", Policies.allow("pre", "s", "a"), "If-Match", "abc").status());
        assertEquals(400, admin.put("/v1/policies/pre", Policies.allow("pre", "s", "a"), "If-None-Match", "\"1\"").status());
        assertEquals(404, admin.get("/v1/policies/pre").status());
    }
}
