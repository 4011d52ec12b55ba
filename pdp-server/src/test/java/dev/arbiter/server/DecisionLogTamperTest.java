package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.store.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whoever changes the log behind Arbiter's back, verification says where: an altered, deleted or
 * forged record, a deleted or edited batch, filter keys that would hide records from queries. Each test undoes its change, and the log verifies again.
 */
class DecisionLogTamperTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ApiClient auditor;
    /** One decision in each of three batches, oldest first. */
    static List<String> decisions = new ArrayList<>();

    @BeforeAll
    static void threeBatches() {
        assertEquals(201, arbiter.admin().put("/v1/policies/p", Policies.allow("p", "s", "a")).status());
        ApiClient checker = arbiter.clientWithRoles("checker", "check");
        auditor = arbiter.clientWithRoles("auditor", "auditor");
        for (int batch = 0; batch < 3; batch++) {
            String decisionId = null;
            for (int i = 0; i < 5; i++) {
                decisionId = checker.post("/v1/check", Policies.check("a", "s")).json().get("decisionId").asText();
            }
            String last = decisionId;
            Eventually.await(Duration.ofSeconds(10), "the batch written", () ->
                    LoggedRows.countsById(arbiter.server().dbUrl()).containsKey(last) ? true : null);
            decisions.add(last);
        }
        assertEquals(3, queryLong("SELECT count(*) FROM decision_batches"));
    }

    @AfterEach
    void theLogVerifiesAgain() {
        JsonNode report = verify("");
        assertTrue(report.get("valid").asBoolean(), "after undoing the change: " + report);
    }

    static JsonNode verify(String query) {
        ApiClient.Response response = auditor.get("/v1/decisions/verify" + query);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    static JsonNode firstBreak() {
        JsonNode report = verify("");
        assertFalse(report.get("valid").asBoolean(), report.toString());
        return report.get("firstBreak");
    }

    static long seqOf(String decisionId) {
        return queryLong("SELECT b.seq FROM decisions d JOIN decision_batches b USING (batch_id)"
                + " WHERE d.decision_id = '" + decisionId + "'");
    }

    static long queryLong(String sql) {
        try (Connection connection = TestDatabases.dataSource(arbiter.server().dbUrl()).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(String sql) {
        try (Connection connection = TestDatabases.dataSource(arbiter.server().dbUrl()).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIntactLogVerifiesAndNamesItsHead() {
        JsonNode report = verify("");
        assertTrue(report.get("valid").asBoolean());
        assertEquals(3, report.get("batches").asLong());
        assertEquals(15, report.get("records").asLong());
        assertEquals(3, report.at("/head/seq").asLong());
        assertEquals(64, report.at("/head/hash").asText().length());
    }

    @Test
    void anAlteredRecordBreaksItsBatch() {
        String target = decisions.get(1);
        execute("UPDATE decisions SET reason = 'allowed by nobody' WHERE decision_id = '" + target + "'");
        try {
            JsonNode problem = firstBreak();
            assertEquals("altered_records", problem.get("kind").asText());
            assertEquals(seqOf(target), problem.get("seq").asLong());
            assertTrue(problem.get("message").asText().contains("content differs"), problem.toString());
        } finally {
            execute("UPDATE decisions SET reason = 'allowed by p/r' WHERE decision_id = '" + target + "'");
        }
    }

    @Test
    void anAlteredInputBreaksItsBatchEvenWhenTheJsonMeansTheSame() {
        String target = decisions.get(0);
        execute("CREATE TABLE saved_input AS SELECT input::text AS input FROM decisions WHERE decision_id = '"
                + target + "'");
        execute("UPDATE decisions SET input = (input::jsonb)::json WHERE decision_id = '" + target + "'");
        try {
            assertEquals("altered_records", firstBreak().get("kind").asText());
        } finally {
            execute("UPDATE decisions SET input = (SELECT input::json FROM saved_input) WHERE decision_id = '"
                    + target + "'; DROP TABLE saved_input");
        }
    }

    @Test
    void aDeletedRecordBreaksItsBatch() {
        String target = decisions.get(2);
        execute("CREATE TABLE saved AS SELECT * FROM decisions WHERE decision_id = '" + target + "';"
                + " DELETE FROM decisions WHERE decision_id = '" + target + "'");
        try {
            JsonNode problem = firstBreak();
            assertEquals("altered_records", problem.get("kind").asText());
            assertTrue(problem.get("message").asText().contains("4 records found where 5 were written"),
                    problem.toString());
        } finally {
            execute("INSERT INTO decisions SELECT * FROM saved; DROP TABLE saved");
        }
    }

    @Test
    void filterKeysThatNoLongerMatchTheRecordsAreFound() {
        long seq = seqOf(decisions.get(1));
        execute("UPDATE decision_batches SET filter_keys = array_remove(filter_keys, 's:s') WHERE seq = " + seq);
        try {
            JsonNode problem = firstBreak();
            assertEquals("altered_keys", problem.get("kind").asText());
            assertEquals(seq, problem.get("seq").asLong());
            assertTrue(problem.get("message").asText().contains("filtered queries could miss"), problem.toString());
        } finally {
            execute("UPDATE decision_batches SET filter_keys = filter_keys || '{s:s}' WHERE seq = " + seq);
        }
    }

    @Test
    void aForgedRecordIsOutsideTheChain() {
        String forged = "01a20000-0000-7000-8000-000000000001";
        execute("INSERT INTO decisions SELECT '" + forged + "', decided_at + interval '1 microsecond', principal_id,"
                + " principal_roles, action, resource_service, resource_kind, resource_id, allow, policy_id, rule_name,"
                + " revision, reason, caller, latency_micros, input, shadow, NULL FROM decisions WHERE decision_id = '"
                + decisions.get(1) + "'");
        try {
            JsonNode problem = firstBreak();
            assertEquals("unchained_record", problem.get("kind").asText());
            assertEquals(forged, problem.get("decisionId").asText());
            assertTrue(problem.get("seq").isNull());
        } finally {
            execute("DELETE FROM decisions WHERE decision_id = '" + forged + "'");
        }
    }

    @Test
    void aDeletedBatchIsMissingFromTheChain() {
        execute("CREATE TABLE saved_batch AS SELECT * FROM decision_batches WHERE seq = 2;"
                + " DELETE FROM decision_batches WHERE seq = 2");
        try {
            JsonNode problem = firstBreak();
            assertEquals("missing_batch", problem.get("kind").asText());
            assertEquals(2, problem.get("seq").asLong());
        } finally {
            execute("INSERT INTO decision_batches SELECT * FROM saved_batch; DROP TABLE saved_batch");
        }
    }

    @Test
    void anEditedBatchRowNoLongerMatchesItsHash() {
        execute("UPDATE decision_batches SET record_count = record_count - 1 WHERE seq = 2");
        try {
            JsonNode problem = firstBreak();
            assertEquals("altered_batch", problem.get("kind").asText());
            assertEquals(2, problem.get("seq").asLong());
        } finally {
            execute("UPDATE decision_batches SET record_count = record_count + 1 WHERE seq = 2");
        }
    }

    @Test
    void aRewrittenLinkIsABrokenLink() {
        execute("UPDATE decision_batches SET prev_hash = sha256(prev_hash) WHERE seq = 3");
        try {
            JsonNode problem = firstBreak();
            assertEquals("broken_link", problem.get("kind").asText());
            assertEquals(3, problem.get("seq").asLong());
        } finally {
            execute("UPDATE decision_batches SET prev_hash = (SELECT hash FROM decision_batches WHERE seq = 2)"
                    + " WHERE seq = 3");
        }
    }

    @Test
    void aWindowThatExcludesTheChangeStillVerifies() {
        String target = decisions.get(2);
        execute("UPDATE decisions SET reason = 'allowed by nobody' WHERE decision_id = '" + target + "'");
        try {
            long before = queryLong("SELECT (extract(epoch FROM first_at) * 1000000)::bigint FROM decision_batches"
                    + " WHERE seq = 3");
            String to = URLEncoder.encode(Instant.EPOCH.plusNanos(before * 1_000).toString(), StandardCharsets.UTF_8);
            JsonNode report = verify("?to=" + to);
            assertTrue(report.get("valid").asBoolean(), report.toString());
            assertEquals(2, report.get("batches").asLong());
            assertFalse(verify("").get("valid").asBoolean());
        } finally {
            execute("UPDATE decisions SET reason = 'allowed by p/r' WHERE decision_id = '" + target + "'");
        }
    }

    @Test
    void aWindowOfTenThousandYearsVisitsOnlyTheDaysThatHoldRecords() {
        String window = "?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z";
        JsonNode report = verify(window);
        assertTrue(report.get("valid").asBoolean(), report.toString());
        assertEquals(15, report.get("records").asLong());
        String target = decisions.get(0);
        execute("UPDATE decisions SET reason = 'allowed by nobody' WHERE decision_id = '" + target + "'");
        try {
            JsonNode broken = verify(window);
            assertFalse(broken.get("valid").asBoolean(), broken.toString());
            assertEquals(seqOf(target), broken.at("/firstBreak/seq").asLong());
        } finally {
            execute("UPDATE decisions SET reason = 'allowed by p/r' WHERE decision_id = '" + target + "'");
        }
    }
}
