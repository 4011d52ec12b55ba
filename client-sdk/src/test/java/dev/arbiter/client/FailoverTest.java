package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.server.testing.Eventually;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Several endpoints: failover between two real servers on one database, and readiness probes. */
class FailoverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void checksGoOnWhenOneOfTwoServersStops() {
        try (TestServer first = TestServer.start()) {
            ArbiterAdmin admin = ArbiterAdmin.builder().endpoint(first.baseUrl()).token(TestServer.ADMIN_TOKEN).build();
            long revision = admin.policies().put(DesignExample.policy()).revision();
            String token = admin.keys().create("checkout", KeyRole.CHECK).token();
            // Started after the key exists, so that it knows the key without waiting for its poll.
            TestServer second = TestServer.start(first.dbUrl());
            try (second; ArbiterClient client = ArbiterClient.builder().endpoints(first.baseUrl(), second.baseUrl())
                    .token(token).timeout(TIMEOUT).build()) {
                for (int i = 0; i < 6; i++) {
                    Decision decision = client.check(chargeCheck(1).minRevision(revision));
                    assertTrue(decision.allow(), decision.reason());
                }
                second.close();
                for (int i = 0; i < 20; i++) {
                    Decision decision = client.check(chargeCheck(1));
                    assertTrue(decision.allow(), "call " + i + ": " + decision.reason());
                }
            }
        }
    }

    @Test
    void probesSteerCallsAwayFromAServerThatIsNotReadyAndBackWhenItIs() throws InterruptedException {
        try (TestServer server = TestServer.start(); FakeArbiter degraded = new FakeArbiter()) {
            degraded.ready(503);
            String token = server.createKey("checkout", "check");
            ArbiterAdmin.builder().endpoint(server.baseUrl()).token(TestServer.ADMIN_TOKEN).build()
                    .policies().put(DesignExample.policy());
            try (ArbiterClient client = ArbiterClient.builder().endpoints(degraded.url(), server.baseUrl())
                    .token(token).timeout(TIMEOUT).healthProbe(Duration.ofMillis(50)).build()) {
                awaitReadiness(client, degraded, false);
                for (int i = 0; i < 10; i++) {
                    assertTrue(client.check(chargeCheck(1)).allow());
                }
                assertEquals(0, degraded.requests("/v1/check"), "a server that is not ready is not called");

                degraded.ready(200);
                awaitReadiness(client, degraded, true);
                for (int i = 0; i < 10; i++) {
                    assertTrue(client.check(chargeCheck(1)).allow());
                }
                assertTrue(degraded.requests("/v1/check") > 0, "a ready server gets its share again");
            }
        }
    }

    @Test
    void aServerThatIsNotReadyIsStillCalledWhenItIsTheOnlyOne() throws InterruptedException {
        try (FakeArbiter degraded = new FakeArbiter()) {
            degraded.ready(503);
            try (ArbiterClient client = ArbiterClient.builder().endpoints(degraded.url()).token("arb_test")
                    .timeout(TIMEOUT).healthProbe(Duration.ofMillis(50)).build()) {
                awaitReadiness(client, degraded, false);
                Decision decision = client.check(chargeCheck(1));
                assertTrue(decision.allow(), "a degraded server still decides: " + decision.reason());
            }
        }
    }

    @Test
    void closingTheClientStopsItsProbes() throws InterruptedException {
        try (FakeArbiter fake = new FakeArbiter()) {
            ArbiterClient client = ArbiterClient.builder().endpoints(fake.url()).token("arb_test")
                    .healthProbe(Duration.ofMillis(20)).build();
            Eventually.await(WAIT, "the probe runs", () -> fake.requests("/health/ready") >= 2 ? true : null);
            client.close();
            int afterClose = fake.requests("/health/ready");
            Thread.sleep(300); // fifteen probe intervals in which none may start
            assertEquals(afterClose, fake.requests("/health/ready"));
        }
    }

    /** Waits until the client's probes have seen {@code fake} ready, or not. */
    private static void awaitReadiness(ArbiterClient client, FakeArbiter fake, boolean ready) {
        Eventually.await(WAIT, "the probes see " + fake.url() + (ready ? " ready" : " not ready"),
                () -> client.endpoints().stream()
                        .anyMatch(endpoint -> endpoint.url().equals(fake.url()) && endpoint.ready() == ready)
                        ? true : null);
    }
}
