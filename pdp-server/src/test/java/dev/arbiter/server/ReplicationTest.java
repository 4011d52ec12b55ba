package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.sync.ChangeFeed;
import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several replicas on one database: changes, revocations and consistency tokens reach them all. */
class ReplicationTest {

    static final Duration CONVERGENCE = Duration.ofSeconds(10);

    static TestServer writer;
    static List<TestServer> readers;

    @BeforeAll
    static void startReplicas() {
        writer = TestServer.start();
        readers = List.of(TestServer.start(writer.dbUrl()), TestServer.start(writer.dbUrl()));
    }

    @AfterAll
    static void stopReplicas() {
        readers.forEach(TestServer::close);
        writer.close();
    }

    private static boolean allows(TestServer replica, String action, String service) {
        ApiClient.Response response = replica.admin().post("/v1/check", Policies.check(action, service));
        return response.status() == 200 && response.json().get("allow").asBoolean();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + CONVERGENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + CONVERGENCE);
            }
            Thread.sleep(5);
        }
    }

    private static int sql(String query) {
        try (Connection connection = TestDatabases.dataSource(writer.dbUrl()).getConnection();
                PreparedStatement statement = connection.prepareStatement(query);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int listeners() {
        return sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + ChangeFeed.APPLICATION_NAME
                + "' AND query LIKE 'LISTEN%' AND datname = current_database()");
    }

    @Test
    void everyReplicaListensForChanges() throws InterruptedException {
        await("three listening replicas", () -> listeners() == 3);
    }

    @Test
    void writesThroughOneReplicaAreDecidedOnTheOthers() throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            String action = "propagate-" + i;
            assertEquals(201, writer.admin().put("/v1/policies/" + action, Policies.allow(action, "replicated", action))
                    .status());
            for (TestServer reader : readers) {
                await(action + " on a reader", () -> allows(reader, action, "replicated"));
            }
        }
        assertEquals(204, writer.admin().delete("/v1/policies/propagate-0").status());
        for (TestServer reader : readers) {
            await("the deletion on a reader", () -> !allows(reader, "propagate-0", "replicated"));
        }
    }

    @Test
    void keysAndTheirRevocationReachEveryReplica() throws InterruptedException {
        String token = writer.createKey("everywhere", "check");
        for (TestServer reader : readers) {
            await("the new key on a reader", () -> reader.client(token).post("/v1/check", Policies.check("a", "s")).status() == 200);
        }
        assertEquals(204, writer.admin().delete("/v1/keys/everywhere").status());
        for (TestServer reader : readers) {
            await("the revocation on a reader", () -> reader.client(token).post("/v1/check", Policies.check("a", "s")).status() == 401);
        }
    }

    @Test
    void aReplicaWhoseListeningConnectionIsKilledStillConverges() throws InterruptedException {
        await("three listening replicas", () -> listeners() == 3);
        assertEquals(3, sql("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = '" + ChangeFeed.APPLICATION_NAME + "'"
                + " AND datname = current_database()) killed"));
        assertEquals(201, writer.admin().put("/v1/policies/after-kill", Policies.allow("after-kill", "killed", "x")).status());
        for (TestServer reader : readers) {
            await("the write on a reader whose feed was killed", () -> allows(reader, "x", "killed"));
        }
        await("the replicas listening again", () -> listeners() == 3);
    }

    @Test
    void minRevisionGivesImmediateConsistency() {
        for (int i = 0; i < 20; i++) {
            String id = "token-" + i;
            ApiClient.Response put = writer.admin().put("/v1/policies/" + id, Policies.allow(id, "tokens", id));
            long revision = Long.parseLong(put.header("Arbiter-Revision"));
            for (TestServer reader : readers) {
                ApiClient.Response check = reader.admin().post("/v1/check", """
                        {"principal": {"id": "p"}, "action": "%s", "resource": {"service": "tokens"}, "minRevision": %d}"""
                        .formatted(id, revision));
                assertEquals(200, check.status(), check.body());
                assertTrue(check.json().get("allow").asBoolean(), "decided on a revision that includes the write");
                assertTrue(check.json().get("revision").asLong() >= revision);
            }
        }
    }

    @Test
    void minRevisionThatCannotBeMetIsAConflict() {
        long revision = Long.parseLong(writer.admin()
                .put("/v1/policies/ahead", Policies.allow("ahead", "s", "a")).header("Arbiter-Revision"));
        ApiClient.Response check = readers.get(0).admin().post("/v1/check", """
                {"principal": {"id": "p"}, "action": "a", "resource": {"service": "s"}, "minRevision": %d}"""
                .formatted(revision + 1000));
        assertEquals(409, check.status());
        assertEquals("stale_replica", check.errorCode());
        assertTrue(check.json().get("error").get("message").asText().contains(Long.toString(revision + 1000)));
    }
}
