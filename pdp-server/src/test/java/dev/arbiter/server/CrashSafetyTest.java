package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.ServerProcess;
import dev.arbiter.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a storm of policy writes leaves every policy exactly one of its written versions. */
class CrashSafetyTest {

    static final String TOKEN = "crash-safety-admin-token";
    static final int WRITERS = 4;
    static final int POLICIES = 5;

    @TempDir
    Path temp;

    /** The document a writer sends: its description names the write, so the store can be compared to it. */
    private static String policy(String id, String write) {
        return """
                {"id": "%s", "service": "storm", "description": "%s", "rules": [
                  {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["%s"]}]}""".formatted(id, write, write);
    }

    @Test
    void killDuringAStormOfWritesLeavesNothingHalfWritten() throws Exception {
        String dbUrl = TestDatabases.freshUrl();
        Map<String, String> env = Map.of("ARBITER_DB_URL", dbUrl, "ARBITER_ADMIN_TOKEN", TOKEN);
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), env)) {
            ApiClient admin = server.client(TOKEN);
            AtomicBoolean storming = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int n = 0; storming.get(); n++) {
                        String id = "storm-" + (n % POLICIES);
                        String write = "w" + writer + "-" + n;
                        attempted.add(write);
                        try {
                            if (admin.put("/v1/policies/" + id, policy(id, write)).status() / 100 == 2) {
                                acknowledged.add(write);
                            }
                        } catch (IllegalStateException connectionLost) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(1500);
            server.kill();
            storming.set(false);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged.size() > 10, "the storm wrote something before the kill: " + acknowledged.size());

        try (Connection connection = TestDatabases.dataSource(dbUrl).getConnection();
                Statement sql = connection.createStatement()) {
            long revision = single(sql, "SELECT revision FROM store_revision");
            List<Long> revisions = column(sql, "SELECT revision FROM policy_versions ORDER BY revision");
            assertEquals(revision, revisions.size(), "one version per revision");
            for (int i = 0; i < revisions.size(); i++) {
                assertEquals(i + 1, revisions.get(i), "revisions are consecutive: no write half-applied");
            }
            Set<String> stored = new HashSet<>(strings(sql, "SELECT document->>'description' FROM policy_versions"));
            assertTrue(stored.containsAll(acknowledged), "every acknowledged write is in the history");
            assertTrue(attempted.containsAll(stored), "the history holds only writes that were sent");
            assertEquals(0, single(sql, "SELECT count(*) FROM policies p WHERE NOT EXISTS (SELECT 1 FROM policy_versions v"
                    + " WHERE v.policy_id = p.id AND v.version = p.version AND v.revision = p.revision"
                    + " AND v.document = p.document AND v.version = (SELECT max(version) FROM policy_versions"
                    + " WHERE policy_id = p.id))"), "every policy is exactly its latest written version");
        }

        try (ServerProcess restarted = ServerProcess.start(temp.resolve("data"), env)) {
            ApiClient admin = restarted.client(TOKEN);
            for (int i = 0; i < POLICIES; i++) {
                ApiClient.Response policy = admin.get("/v1/policies/storm-" + i);
                if (policy.status() == 200) {
                    String write = policy.json().get("description").asText();
                    assertTrue(admin.post("/v1/check", Policies.check(write, "storm")).json().get("allow").asBoolean(),
                            "the restarted server enforces what the store holds");
                }
            }
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> column(Statement sql, String query) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
