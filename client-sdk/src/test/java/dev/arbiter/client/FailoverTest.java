package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Several endpoints: failover between two real servers on one database, and readiness probes. */
class FailoverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

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
                awaitProbes(degraded, 2);
                for (int i = 0; i < 10; i++) {
                    assertTrue(client.check(chargeCheck(1)).allow());
                }
                assertEquals(0, degraded.requests("/v1/check"), "a server that is not ready is not called");

                degraded.ready(200);
                awaitProbes(degraded, degraded.requests("/health/ready") + 2);
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
                awaitProbes(degraded, 3);
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
            awaitProbes(fake, 2);
            client.close();
            Thread.sleep(100);
            int afterClose = fake.requests("/health/ready");
            Thread.sleep(300);
            assertEquals(afterClose, fake.requests("/health/ready"));
        }
    }

    private static void awaitProbes(FakeArbiter fake, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fake.requests("/health/ready") < count) {
            assertTrue(System.nanoTime() < deadline, "the probe did not run");
            Thread.sleep(20);
        }
        Thread.sleep(50);
    }
}
