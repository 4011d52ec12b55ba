package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.RestartablePostgresExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL stops under a running server: checks go on from the policies already loaded, what
 * needs the database answers 503 with a JSON error, and everything recovers by itself when the
 * database is back. (DecisionLogOutageTest covers the decision log's side.)
 */
class DatabaseOutageTest {

    @RegisterExtension
    static final RestartablePostgresExtension database = new RestartablePostgresExtension();

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static int readiness(TestServer server, String query) {
        return server.client(null).get("/health/ready" + query).status();
    }

    private static boolean allows(ApiClient checker, String action) {
        ApiClient.Response answer = checker.post("/v1/check", Policies.check(action, "s"));
        assertEquals(200, answer.status(), answer.body());
        return answer.json().get("allow").asBoolean();
    }

    private static void assertUnavailable(ApiClient.Response response) {
        assertEquals(503, response.status(), response.body());
        assertEquals("store_unavailable", response.errorCode(), response.body());
        assertFalse(response.json().get("error").get("message").asText().isBlank(), response.body());
    }

    @Test
    void checksGoOnWhatNeedsTheDatabaseAnswers503AndAllRecoversWithoutARestart() {
        try (TestServer server = TestServer.start(database.get().createDatabase())) {
            ApiClient admin = server.admin();
            assertEquals(201, admin.put("/v1/policies/reads", Policies.allow("reads", "s", "read")).status());
            ApiClient checker = server.client(server.createKey("checker", "check"));

            database.get().stop();

            assertTrue(allows(checker, "read"), "checks are decided from the loaded policies");
            assertFalse(allows(checker, "write"));
            Eventually.await(PATIENCE, "readiness degraded", () -> readiness(server, "") == 503 ? true : null);
            assertEquals(200, readiness(server, "?allowDegraded=true"), "a probe may accept degraded");
            assertUnavailable(admin.put("/v1/policies/writes", Policies.allow("writes", "s", "write")));
            assertUnavailable(admin.post("/v1/keys", "{\"name\": \"during-outage\", \"roles\": [\"check\"]}"));
            assertUnavailable(admin.get("/v1/policies/reads/versions"));
            assertUnavailable(admin.get("/v1/decisions"));
            assertTrue(allows(checker, "read"), "still deciding after the failed writes");

            database.get().start();

            Eventually.await(PATIENCE, "readiness back", () -> readiness(server, "") == 200 ? true : null);
            Eventually.await(PATIENCE, "writes accepted again", () ->
                    admin.put("/v1/policies/writes", Policies.allow("writes", "s", "write")).status() == 201 ? true : null);
            Eventually.await(PATIENCE, "the new policy enforced", () -> allows(checker, "write") ? true : null);
            assertEquals(201, admin.post("/v1/keys", "{\"name\": \"after-outage\", \"roles\": [\"check\"]}").status());
        }
    }
}
