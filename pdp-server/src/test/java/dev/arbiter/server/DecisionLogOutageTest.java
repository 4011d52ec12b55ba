package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.audit.AuditConfig;
import dev.arbiter.server.audit.AuditMask;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.CheckTraffic;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.RestartablePostgresExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database goes away while checks flow: decisions go on, and the log keeps every one exactly once. */
class DecisionLogOutageTest {

    /** A record of this check is some 8 KiB, so a small spill fills after a few. */
    static final String LARGE_CHECK = """
            {"principal": {"id": "svc"}, "action": "a", "resource": {"service": "s"},
             "context": {"padding": "%s"}}""".formatted("x".repeat(8_000));

    @RegisterExtension
    static final RestartablePostgresExtension database = new RestartablePostgresExtension();

    private static ApiClient checker(TestServer server) {
        assertEquals(201, server.admin().put("/v1/policies/p", Policies.allow("p", "s", "a")).status());
        return server.client(server.createKey("checker", "check"));
    }

    private static JsonNode audit(TestServer server) {
        return server.client(null).get("/health/ready").json().get("audit");
    }


    @Test
    void decisionsMadeWhileTheDatabaseIsDownAreLoggedExactlyOnceWhenItIsBack() {
        String url = database.get().createDatabase();
        try (TestServer server = TestServer.start(url)) {
            ApiClient checker = checker(server);
            try (CheckTraffic traffic = CheckTraffic.start(checker, Policies.check("a", "s"))) {
                traffic.awaitMore(50);
                database.get().stop();
                traffic.awaitMore(300);
                Eventually.await(Duration.ofSeconds(10), "records in the spill", () ->
                        audit(server).get("spillPending").asLong() > 0 ? true : null);
                database.get().start();
                traffic.awaitMore(50);
                List<String> decisionIds = traffic.stop();

                assertEquals(decisionIds.size(), LoggedRows.awaitEachOnce(url, decisionIds).size(), "and nothing else");
                Eventually.await(Duration.ofSeconds(10), "the spill replayed", () ->
                        audit(server).get("spillPending").asLong() == 0 ? true : null);
                JsonNode verified = server.admin().get("/v1/decisions/verify").json();
                assertTrue(verified.get("valid").asBoolean(), verified.toString());
                assertEquals(0, audit(server).get("lost").asLong());
            }
        }
    }

    @Test
    void withAuditRequiredChecksAreDeniedWhileNoRecordCanBeKeptAndAllowedAgainAfter() {
        String url = database.get().createDatabase();
        AuditConfig tightSpill = new AuditConfig(true, AuditMask.NONE, 90, 64 * 1024, 16, AuditConfig.DEFAULT_QUEUE_WAIT_MS);
        try (TestServer server = TestServer.start(url, tightSpill)) {
            ApiClient checker = checker(server);
            database.get().stop();
            List<String> answeredAllowed = new ArrayList<>();
            JsonNode denied = Eventually.await(Duration.ofSeconds(60), "a check denied for the audit", () -> {
                JsonNode answer = checker.post("/v1/check", LARGE_CHECK).json();
                if (answer.get("allow").asBoolean()) {
                    answeredAllowed.add(answer.get("decisionId").asText());
                    return null;
                }
                return answer;
            });
            assertEquals("audit unavailable", denied.get("reason").asText());
            assertTrue(denied.get("policy").isNull());
            assertEquals("unavailable", audit(server).get("state").asText());
            assertTrue(audit(server).get("refused").asLong() > 0);

            database.get().start();
            Eventually.await(Duration.ofSeconds(60), "checks allowed again", () ->
                    checker.post("/v1/check", LARGE_CHECK).json().get("allow").asBoolean() ? true : null);
            LoggedRows.awaitEachOnce(url, answeredAllowed);
            assertEquals(0, audit(server).get("lost").asLong(), "required mode denies instead of losing");
        }
    }

    @Test
    void withoutAuditRequiredDecisionsGoOnAndTheLossIsCountedLoudly() {
        String url = database.get().createDatabase();
        AuditConfig tightSpill = new AuditConfig(false, AuditMask.NONE, 90, 64 * 1024, 16, AuditConfig.DEFAULT_QUEUE_WAIT_MS);
        List<LogRecord> severe = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.SEVERE) {
                    synchronized (severe) {
                        severe.add(record);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger audit = Logger.getLogger("dev.arbiter.server.audit");
        audit.addHandler(capture);
        try (TestServer server = TestServer.start(url, tightSpill)) {
            ApiClient checker = checker(server);
            database.get().stop();
            Eventually.await(Duration.ofSeconds(30), "the log spilling", () -> {
                assertTrue(checker.post("/v1/check", LARGE_CHECK).json().get("allow").asBoolean());
                return audit(server).get("state").asText().equals("writing") ? null : true;
            });
            for (int i = 0; i < 200; i++) {
                JsonNode answer = checker.post("/v1/check", LARGE_CHECK).json();
                assertTrue(answer.get("allow").asBoolean(), "decisions go on: " + answer);
            }
            JsonNode counters = Eventually.await(Duration.ofSeconds(30), "the loss counted", () -> {
                JsonNode now = audit(server);
                return now.get("lost").asLong() > 0 ? now : null;
            });
            assertEquals("unavailable", counters.get("state").asText());
            assertEquals(0, counters.get("refused").asLong());
            Eventually.await(Duration.ofSeconds(30), "the loss logged", () -> {
                synchronized (severe) {
                    return severe.stream().anyMatch(r -> r.getMessage().contains("LOST")) ? true : null;
                }
            });
            database.get().start();
            Eventually.await(Duration.ofSeconds(60), "the log writing again", () ->
                    audit(server).get("state").asText().equals("writing") ? true : null);
            assertFalse(LoggedRows.countsById(url).isEmpty(), "what was kept reaches the database");
        } finally {
            audit.removeHandler(capture);
        }
    }
}
