package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.auth.Tokens;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static TestServer server;
    static ApiClient admin;

    @BeforeAll
    static void clients() {
        server = arbiter.server();
        admin = arbiter.admin();
    }

    @Test
    void missingMalformedAndUnknownTokensAre401() {
        ApiClient.Response none = server.client(null).post("/v1/check", Policies.check("a", "s"));
        assertEquals(401, none.status());
        assertEquals("unauthorized", none.errorCode());
        assertEquals("Bearer", none.header("WWW-Authenticate"));
        assertEquals(401, server.client("arb_not-a-real-token").post("/v1/check", Policies.check("a", "s")).status());
        assertEquals(401, server.client(null).send("GET", "/v1/policies", null, "Authorization", "Basic YWRtaW46YWRtaW4=").status());
        assertEquals(401, server.client(null).send("GET", "/v1/policies", null, "Authorization", "Bearer").status());
        assertEquals(401, server.client("").get("/v1/policies").status());
    }

    @Test
    void aNewKeyWorksOnTheVeryNextRequestEveryTime() {
        // Each create notifies the replicas, whose key reloads race with the next create: none may undo it.
        for (int i = 0; i < 150; i++) {
            ApiClient fresh = server.client(server.createKey("burst-" + i, "check"));
            ApiClient.Response first = fresh.post("/v1/check", Policies.check("a", "s"));
            assertEquals(200, first.status(), "key burst-" + i + ": " + first.body());
        }
    }

    @Test
    void healthNeedsNoToken() {
        assertEquals(200, server.client(null).get("/health/live").status());
        JsonNode ready = server.client(null).get("/health/ready").json();
        assertEquals("ready", ready.get("status").asText());
    }

    @Test
    void rolesGrantExactlyTheirEndpoints() {
        ApiClient checker = server.client(server.createKey("role-check", "check"));
        ApiClient policyAdmin = server.client(server.createKey("role-policy-admin", "policy-admin"));
        ApiClient auditor = server.client(server.createKey("role-auditor", "auditor"));
        String policy = Policies.allow("roles-p", "s", "a");

        assertEquals(200, checker.post("/v1/check", Policies.check("a", "s")).status());
        assertEquals(200, checker.post("/v1/check/batch", "{\"checks\": []}").status());
        assertEquals(403, checker.get("/v1/policies").status());
        assertEquals(403, checker.put("/v1/policies/roles-p", policy).status());
        assertEquals(403, checker.get("/v1/keys").status());

        assertEquals(403, policyAdmin.post("/v1/check", Policies.check("a", "s")).status());
        assertEquals(201, policyAdmin.put("/v1/policies/roles-p", policy).status());
        assertEquals(200, policyAdmin.get("/v1/policies/roles-p").status());
        assertEquals(200, policyAdmin.get("/v1/policies").status());
        assertEquals(403, policyAdmin.post("/v1/keys", "{\"name\": \"x\", \"roles\": [\"check\"]}").status());

        assertEquals(403, auditor.post("/v1/check", Policies.check("a", "s")).status());
        assertEquals(200, auditor.get("/v1/policies").status());
        assertEquals(200, auditor.get("/v1/policies/roles-p").status());
        ApiClient.Response auditorWrite = auditor.put("/v1/policies/roles-p", policy);
        assertEquals(403, auditorWrite.status());
        assertEquals("forbidden", auditorWrite.errorCode());
        assertEquals(403, auditor.delete("/v1/policies/roles-p").status());
        assertEquals(403, auditor.get("/v1/keys").status());

        assertEquals(200, admin.post("/v1/check", Policies.check("a", "s")).status());
        assertEquals(204, admin.delete("/v1/policies/roles-p").status());
    }

    @Test
    void keysAreCreatedListedAndRevoked() {
        ApiClient.Response created = admin.post("/v1/keys", "{\"name\": \"svc-orders\", \"roles\": [\"check\", \"auditor\"]}");
        assertEquals(201, created.status(), created.body());
        String token = created.json().get("token").asText();
        assertTrue(token.startsWith("arb_") && token.length() >= 40, token);
        assertEquals("admin", created.json().get("createdBy").asText());

        ApiClient.Response listed = admin.get("/v1/keys");
        assertFalse(listed.body().contains(token), "tokens are never listed");
        List<String> names = new ArrayList<>();
        listed.json().get("keys").forEach(key -> names.add(key.get("name").asText()));
        assertTrue(names.containsAll(List.of("admin", "svc-orders")), names.toString());

        ApiClient orders = server.client(token);
        assertEquals(200, orders.post("/v1/check", Policies.check("a", "s")).status());
        assertEquals(204, admin.delete("/v1/keys/svc-orders").status());
        assertEquals(401, orders.post("/v1/check", Policies.check("a", "s")).status(), "revoked at the next request");
        assertEquals(404, admin.delete("/v1/keys/svc-orders").status());
    }

    @Test
    void keyNamesAreUniqueAndRequestsValidated() {
        assertEquals(201, admin.post("/v1/keys", "{\"name\": \"unique\", \"roles\": [\"check\"]}").status());
        ApiClient.Response again = admin.post("/v1/keys", "{\"name\": \"unique\", \"roles\": [\"auditor\"]}");
        assertEquals(409, again.status());
        assertEquals("conflict", again.errorCode());
        assertEquals(422, admin.post("/v1/keys", "{\"name\": \"x\", \"roles\": [\"root\"]}").status());
        assertEquals(422, admin.post("/v1/keys", "{\"name\": \"x\", \"roles\": []}").status());
        assertEquals(422, admin.post("/v1/keys", "{\"name\": \"Not OK\", \"roles\": [\"check\"]}").status());
        assertEquals(400, admin.post("/v1/keys", "{\"name\": \"x\", \"roles\": [\"check\"], \"ttl\": 5}").status());
        assertEquals(400, admin.post("/v1/keys", "{\"name\": \"x\"}").status());
        assertEquals(400, admin.post("/v1/keys", "not json").status());
        assertEquals(401, server.client(null).get("/v1/keys").status());
    }

    @Test
    void onlyHashesOfTokensAreStored() throws Exception {
        String token = server.createKey("hashed", "check");
        try (Connection connection = TestDatabases.dataSource(server.dbUrl()).getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT token_hash, to_jsonb(k)::text FROM api_keys k WHERE name = 'hashed'");
                ResultSet rows = select.executeQuery()) {
            assertTrue(rows.next());
            assertArrayEquals(Tokens.hash(token), rows.getBytes(1));
            assertFalse(rows.getString(2).contains(token.substring(4)));
        }
    }

    @Test
    void revocationReachesOtherReplicas() throws Exception {
        try (TestServer other = TestServer.start(server.dbUrl())) {
            String token = server.createKey("replicated", "check");
            ApiClient onOther = other.client(token);
            assertNotNull(awaitStatus(onOther, 200), "the new key reaches the other replica");
            assertEquals(204, admin.delete("/v1/keys/replicated").status());
            assertNotNull(awaitStatus(onOther, 401), "the revocation reaches the other replica");
        }
    }

    private static ApiClient.Response awaitStatus(ApiClient client, int status) throws InterruptedException {
        long deadline = System.nanoTime() + ArbiterServer.POLL_INTERVAL.multipliedBy(3).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Response response = client.post("/v1/check", Policies.check("a", "s"));
            if (response.status() == status) {
                return response;
            }
            Thread.sleep(50);
        }
        return null;
    }
}
