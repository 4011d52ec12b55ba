package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.server.testing.ServerProcess;
import dev.arbiter.store.RestartablePostgresExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The server process dies or stops while the log holds records: none is lost, none is doubled. */
class DecisionLogCrashTest {

    static final String TOKEN = "crash-test-admin-token-0123";

    @TempDir
    static Path temp;

    @RegisterExtension
    static final RestartablePostgresExtension database = new RestartablePostgresExtension();

    private static List<String> check(ApiClient client, int count) {
        List<String> decisionIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient.Response answer = client.post("/v1/check", Policies.check("a", "s"));
            assertEquals(200, answer.status(), answer.body());
            decisionIds.add(answer.json().get("decisionId").asText());
        }
        return decisionIds;
    }


    private static long spillFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("decision-spill"))) {
            return files.filter(file -> file.toString().endsWith(".spill")).count();
        }
    }

    @Test
    void aSpillLeftByAKilledServerIsReplayedOnceAfterTheRestart() throws Exception {
        String url = database.get().createDatabase();
        Path dataDir = temp.resolve("killed");
        Map<String, String> env = Map.of("ARBITER_DB_URL", url, "ARBITER_ADMIN_TOKEN", TOKEN);
        List<String> decisionIds = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(dataDir, env)) {
            ApiClient admin = server.client(TOKEN);
            assertEquals(201, admin.put("/v1/policies/p", Policies.allow("p", "s", "a")).status());
            decisionIds.addAll(check(admin, 20));
            database.get().stop();
            List<String> duringOutage = check(admin, 150);
            decisionIds.addAll(duringOutage);
            Eventually.await(Duration.ofSeconds(30), "the outage's records in the spill", () -> {
                JsonNode audit = server.client(null).get("/health/ready").json().get("audit");
                return audit.get("queued").asLong() == 0 && audit.get("spilled").asLong() >= duringOutage.size()
                        ? true : null;
            });
            server.kill();
        }
        assertTrue(spillFiles(dataDir) > 0, "the killed server left a spill");
        database.get().start();
        try (ServerProcess again = ServerProcess.start(dataDir, env)) {
            assertEquals(decisionIds.size(), LoggedRows.awaitEachOnce(url, decisionIds).size(), "and nothing else");
            Eventually.await(Duration.ofSeconds(30), "the spill replayed and removed", () -> {
                try {
                    return spillFiles(dataDir) == 0 ? true : null;
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            JsonNode verified = again.client(TOKEN).get("/v1/decisions/verify").json();
            assertTrue(verified.get("valid").asBoolean(), verified.toString());
        }
    }

    @Test
    void aCleanShutdownFlushesEveryRecordBeforeExit() throws Exception {
        String url = database.get().createDatabase();
        Map<String, String> env = Map.of("ARBITER_DB_URL", url, "ARBITER_ADMIN_TOKEN", TOKEN);
        List<String> decisionIds = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(temp.resolve("stopped"), env)) {
            ApiClient admin = server.client(TOKEN);
            assertEquals(201, admin.put("/v1/policies/p", Policies.allow("p", "s", "a")).status());
            String batch = "{\"checks\": [" + String.join(",", Collections.nCopies(500,
                    Policies.check("a", "s"))) + "]}";
            for (int round = 0; round < 4; round++) {
                admin.post("/v1/check/batch", batch).json().get("results")
                        .forEach(answer -> decisionIds.add(answer.get("decisionId").asText()));
            }
            assertEquals(143, server.terminate(Duration.ofSeconds(60)), server.output());
            assertTrue(server.output().contains("decision log closed: "), server.output());
        }
        Map<String, Integer> rows = LoggedRows.countsById(url);
        assertEquals(decisionIds.size(), rows.size(), "every record is in the database when the process has exited");
        assertTrue(rows.keySet().containsAll(decisionIds));
    }
}
