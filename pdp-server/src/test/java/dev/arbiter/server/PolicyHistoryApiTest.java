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

class PolicyHistoryApiTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient admin;
    static ApiClient editor;
    static ApiClient auditor;
    static ApiClient checker;

    @BeforeAll
    static void clients() {
        admin = arbiter.admin();
        editor = arbiter.clientWithRoles("editor", "policy-admin");
        auditor = arbiter.clientWithRoles("auditor", "auditor");
        checker = arbiter.clientWithRoles("checker", "check");
    }

    @Test
    void listsEveryVersionWithWhoAndWhenDeletionsIncluded() {
        admin.put("/v1/policies/hist", Policies.allow("hist", "hist-svc", "a"));
        long second = Long.parseLong(editor.put("/v1/policies/hist", Policies.allow("hist", "hist-svc", "b"))
                .header("Arbiter-Revision"));
        editor.delete("/v1/policies/hist");

        ApiClient.Response listed = auditor.get("/v1/policies/hist/versions");
        assertEquals(200, listed.status(), listed.body());
        JsonNode versions = listed.json().get("versions");
        assertEquals("hist", listed.json().get("id").asText());
        assertEquals(3, versions.size());
        JsonNode deletion = versions.get(0);
        assertEquals(3, deletion.get("version").asInt());
        assertTrue(deletion.get("deleted").asBoolean());
        assertEquals("editor", deletion.get("updatedBy").asText());
        assertFalse(deletion.has("service"));
        JsonNode replace = versions.get(1);
        assertEquals(2, replace.get("version").asInt());
        assertEquals(second, replace.get("revision").asLong());
        assertFalse(replace.get("deleted").asBoolean());
        assertEquals("hist-svc", replace.get("service").asText());
        assertEquals("enforce", replace.get("mode").asText());
        assertEquals("admin", versions.get(2).get("updatedBy").asText());
        assertFalse(versions.get(2).get("updatedAt").asText().isEmpty());
    }

    @Test
    void readsOneVersionOfALiveOrDeletedPolicy() {
        admin.put("/v1/policies/one", Policies.allow("one", "s", "first"));
        admin.put("/v1/policies/one", Policies.allow("one", "s", "second"));
        admin.delete("/v1/policies/one");

        JsonNode first = auditor.get("/v1/policies/one/versions/1").json();
        assertEquals("first", first.get("rules").get(0).get("actions").get(0).asText());
        assertEquals(1, first.get("version").asInt());
        assertFalse(first.get("deleted").asBoolean());
        assertEquals("one", first.get("id").asText());

        JsonNode deletion = auditor.get("/v1/policies/one/versions/3").json();
        assertTrue(deletion.get("deleted").asBoolean());
        assertFalse(deletion.has("rules"));

        assertEquals("not_found", auditor.get("/v1/policies/one/versions/4").errorCode());
        assertEquals("not_found", auditor.get("/v1/policies/never/versions").errorCode());
        assertEquals("not_found", auditor.get("/v1/policies/never/versions/1").errorCode());
        assertEquals(400, auditor.get("/v1/policies/one/versions/0").status());
        assertEquals(400, auditor.get("/v1/policies/one/versions/latest").status());
        assertEquals(403, checker.get("/v1/policies/one/versions").status());
    }

    @Test
    void rollbackWritesANewVersionEqualToTheOldOneAndDecisionsFollow() {
        admin.put("/v1/policies/rb", Policies.allow("rb", "rb-svc", "read"));
        admin.put("/v1/policies/rb", Policies.allow("rb", "rb-svc", "write"));
        assertFalse(checker.post("/v1/check", Policies.check("read", "rb-svc")).json().get("allow").asBoolean());

        ApiClient.Response rolledBack = editor.post("/v1/policies/rb/rollback?to=1", null);
        assertEquals(200, rolledBack.status(), rolledBack.body());
        assertEquals("\"3\"", rolledBack.header("ETag"));
        assertEquals(3, rolledBack.json().get("version").asInt());
        assertEquals("editor", rolledBack.json().get("updatedBy").asText());
        assertEquals(rolledBack.json().get("revision").asText(), rolledBack.header("Arbiter-Revision"));
        assertEquals("read", rolledBack.json().get("rules").get(0).get("actions").get(0).asText());
        assertTrue(checker.post("/v1/check", Policies.check("read", "rb-svc")).json().get("allow").asBoolean(),
                "the rollback is decided on before it is answered");

        JsonNode third = admin.get("/v1/policies/rb/versions/3").json();
        assertEquals(1, third.get("restoredFrom").asInt());
        JsonNode first = admin.get("/v1/policies/rb/versions/1").json();
        assertEquals(first.get("rules"), third.get("rules"));
        assertEquals(1, admin.get("/v1/policies/rb/versions").json().get("versions").get(0).get("restoredFrom").asInt());
    }

    @Test
    void rollbackHonoursIfMatchAndChangesNothingWhenStale() {
        admin.put("/v1/policies/rb-guard", Policies.allow("rb-guard", "s", "a"));
        admin.put("/v1/policies/rb-guard", Policies.allow("rb-guard", "s", "b"));
        long before = Policies.storeRevision(admin);
        ApiClient.Response stale = editor.send("POST", "/v1/policies/rb-guard/rollback?to=1", null, "If-Match", "\"1\"");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("precondition_failed", stale.errorCode());
        assertEquals(before, Policies.storeRevision(admin));
        assertEquals(2, admin.get("/v1/policies/rb-guard/versions").json().get("versions").size());

        ApiClient.Response fresh = editor.send("POST", "/v1/policies/rb-guard/rollback?to=1", null, "If-Match", "\"2\"");
        assertEquals(200, fresh.status(), fresh.body());
    }

    @Test
    void rollbackRecreatesADeletedPolicy() {
        admin.put("/v1/policies/undelete", Policies.allow("undelete", "s", "a"));
        admin.delete("/v1/policies/undelete");
        ApiClient.Response restored = editor.send("POST", "/v1/policies/undelete/rollback?to=1", null,
                "If-None-Match", "*");
        assertEquals(201, restored.status(), restored.body());
        assertEquals("/v1/policies/undelete", restored.header("Location"));
        assertEquals(3, admin.get("/v1/policies/undelete").json().get("version").asInt());
    }

    @Test
    void refusesRollbacksThatCannotBeDone() {
        admin.put("/v1/policies/rb-bad", Policies.allow("rb-bad", "s", "a"));
        admin.delete("/v1/policies/rb-bad");
        admin.put("/v1/policies/rb-bad", Policies.allow("rb-bad", "s", "b"));
        long before = Policies.storeRevision(admin);

        ApiClient.Response toDeletion = editor.post("/v1/policies/rb-bad/rollback?to=2", null);
        assertEquals(409, toDeletion.status());
        assertEquals("version_is_deletion", toDeletion.errorCode());
        assertEquals("not_found", editor.post("/v1/policies/rb-bad/rollback?to=9", null).errorCode());
        assertEquals("not_found", editor.post("/v1/policies/nothing/rollback?to=1", null).errorCode());
        assertEquals("invalid_request", editor.post("/v1/policies/rb-bad/rollback", null).errorCode());
        assertEquals("invalid_request", editor.post("/v1/policies/rb-bad/rollback?to=x", null).errorCode());
        assertEquals("invalid_request", editor.post("/v1/policies/rb-bad/rollback?to=1&to=3", null).errorCode());
        assertEquals(403, auditor.post("/v1/policies/rb-bad/rollback?to=1", null).status());
        assertEquals(before, Policies.storeRevision(admin), "nothing was written");
    }
}
