package dev.arbiter.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.testing.ApiClient;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.LoggedRows;
import dev.arbiter.server.testing.RawHttp;
import dev.arbiter.server.testing.ReadinessBalancer;
import dev.arbiter.server.testing.ServerProcess;
import dev.arbiter.server.testing.TestServer;
import dev.arbiter.store.TestDatabases;
import dev.arbiter.store.model.PolicyJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopping replica drains: readiness answers 503 at once while every request is still answered,
 * on connections opened before and during the drain; only then do the listeners close.
 */
class ShutdownDrainTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String CHECK = Policies.check("orders:read", "orders");

    @TempDir
    Path temp;

    private static String rawCheck() {
        return "POST /v1/check HTTP/1.1\r\nHost: arbiter\r\nAuthorization: Bearer " + TestServer.ADMIN_TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: " + CHECK.length() + "\r\n\r\n" + CHECK;
    }

    @Test
    void aDrainingReplicaFailsReadinessButAnswersOnOpenAndNewConnectionsThenCloses() throws Exception {
        TestServer server = TestServer.start(TestDatabases.freshUrl(), Map.of("ARBITER_SHUTDOWN_DRAIN", "3s"));
        int port = URI.create(server.baseUrl()).getPort();
        assertEquals(201, server.admin().put("/v1/policies/orders", Policies.allow("orders", "orders", "orders:read"))
                .status());
        List<String> answered = new ArrayList<>();
        Thread stopping;
        try (RawHttp.KeptAlive open = RawHttp.KeptAlive.open(port, TIMEOUT)) {
            RawHttp.Answer before = open.send(rawCheck());
            assertEquals(200, before.status(), before.text());
            assertEquals(null, before.header("connection"), "no drain yet: the connection stays open");

            stopping = new Thread(server::close, "stopping");
            stopping.start();
            ApiClient probe = new ApiClient(server.baseUrl(), null);
            ApiClient.Response readiness = Eventually.await(TIMEOUT, "readiness failing",
                    () -> probe.get("/health/ready").status() == 503 ? probe.get("/health/ready") : null);
            assertEquals("draining", readiness.json().get("status").asText(), readiness.body());
            assertEquals(503, probe.get("/health/ready?allowDegraded=true").status(), "draining is not degraded");
            assertEquals(200, probe.get("/health/live").status(), "a draining replica is alive");

            RawHttp.Answer onOpen = open.send(rawCheck());
            assertEquals(200, onOpen.status(), onOpen.text());
            answered.add(decisionId(onOpen.text()));
            assertEquals("close", onOpen.header("connection"), "the client should reconnect elsewhere");
            assertTrue(open.closedByServer(), "the server closes the connection after that answer");
        }
        for (int i = 0; i < 5; i++) {
            ApiClient.Response onNew = server.admin().post("/v1/check", CHECK);
            assertEquals(200, onNew.status(), onNew.body());
            assertTrue(onNew.json().get("allow").asBoolean(), onNew.body());
            answered.add(onNew.json().get("decisionId").asText());
        }
        assertTrue(stopping.isAlive(), "still draining after the checks");

        stopping.join(TIMEOUT.toMillis() * 3);
        assertTrue(!stopping.isAlive(), "stopped after the drain");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "the listener is closed");
        LoggedRows.awaitEachOnce(server.dbUrl(), answered);
    }

    @Test
    void twoReplicasBehindAReadinessFollowingClientLoseNoCheckWhileOneRestarts() throws Exception {
        String dbUrl = TestDatabases.freshUrl();
        Map<String, String> env = Map.of("ARBITER_DB_URL", dbUrl, "ARBITER_ADMIN_TOKEN", TestServer.ADMIN_TOKEN,
                "ARBITER_SHUTDOWN_DRAIN", "1s");
        try (ServerProcess first = ServerProcess.start(temp.resolve("first"), env);
                ServerProcess second = ServerProcess.start(temp.resolve("second"), env)) {
            ApiClient admin = first.client(TestServer.ADMIN_TOKEN);
            assertEquals(201, admin.put("/v1/policies/orders", Policies.allow("orders", "orders", "orders:read"))
                    .status());
            Eventually.await(TIMEOUT, "the policy on the second replica", () -> second.client(TestServer.ADMIN_TOKEN)
                    .post("/v1/check", CHECK).json().get("allow").asBoolean() ? true : null);
            assertTrue(second.output().contains("reloaded revision 1: 1 policies written, 0 deleted"),
                    "a reload is one line: " + second.output());
            try (ReadinessBalancer balancer = ReadinessBalancer.start(TestServer.ADMIN_TOKEN, CHECK, 4,
                    first.baseUrl(), second.baseUrl())) {
                awaitAnswers(balancer, first.baseUrl(), 200);

                first.terminate(Duration.ofSeconds(60));
                assertTrue(first.output().contains("Arbiter is draining"), first.output());
                assertTrue(first.output().contains(", 0 lost"), first.output());
                try (ServerProcess restarted = ServerProcess.start(temp.resolve("restarted"), env)) {
                    balancer.add(restarted.baseUrl());
                    awaitAnswers(balancer, restarted.baseUrl(), 200);
                    balancer.close();
                    assertEquals(List.of(), balancer.failures(), "checks lost during the restart");
                    assertTrue(balancer.answeredBy(second.baseUrl()) > 0, "the second replica served");
                    LoggedRows.awaitEachOnce(dbUrl, balancer.decisionIds());
                    assertTrue(!second.output().contains("WARNING"), "a served replica logs no warning: "
                            + second.output());
                }
            }
        }
    }

    private static void awaitAnswers(ReadinessBalancer balancer, String replica, int more) {
        int target = balancer.answeredBy(replica) + more;
        Eventually.await(Duration.ofSeconds(60), more + " checks answered by " + replica, () -> {
            assertEquals(List.of(), balancer.failures(), "failed checks");
            return balancer.answeredBy(replica) >= target ? true : null;
        });
    }

    private static String decisionId(String json) throws IOException {
        String id = PolicyJson.MAPPER.readTree(json).get("decisionId").asText();
        assertNotNull(id);
        return id;
    }
}
