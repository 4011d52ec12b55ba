package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.ManualTicker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outages and misbehaving servers: every one is a deny with a reason, never a hang or a stray exception. */
class FailClosedTest {

    private final FakeArbiter fake = new FakeArbiter();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private static ArbiterClient.Builder clientOf(String... urls) {
        return ArbiterClient.builder().endpoints(urls).token("arb_test").timeout(Duration.ofSeconds(5));
    }

    /** A loopback port nothing listens on: connections are refused at once. */
    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static void assertFailedClosed(Decision decision, Decision.Failure failure, String reasonPart) {
        assertFalse(decision.allow());
        assertEquals(failure, decision.failure(), decision.reason());
        assertTrue(decision.reason().startsWith("fail closed: "), decision.reason());
        assertTrue(decision.reason().contains(reasonPart), decision.reason());
        assertNull(decision.decisionId());
        assertEquals(Decision.NO_REVISION, decision.revision());
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutDeny() {
        fake.hang();
        try (ArbiterClient client = clientOf(fake.url()).timeout(Duration.ofMillis(300)).build()) {
            long started = System.nanoTime();
            Decision decision = client.check(chargeCheck(1));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertFailedClosed(decision, Decision.Failure.TIMEOUT, "within the client's 300 ms timeout");
            assertTrue(elapsedMillis >= 250 && elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
        }
    }

    @Test
    void aBodyThatStallsAfterTheHeadersIsATimeoutDeny() {
        fake.stallBody();
        try (ArbiterClient client = clientOf(fake.url()).timeout(Duration.ofMillis(300)).build()) {
            String why = "within the client's 300 ms timeout";
            assertFailedClosed(client.check(chargeCheck(1)), Decision.Failure.TIMEOUT, why);
            assertFailedClosed(client.checkAsync(chargeCheck(1)).join(), Decision.Failure.TIMEOUT, why);
        }
    }

    @Test
    void anInterruptedCallerGetsADenyAndKeepsItsInterrupt() {
        try (ArbiterClient client = clientOf(fake.url()).build()) {
            Thread.currentThread().interrupt();
            Decision decision = client.check(chargeCheck(1));
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertFailedClosed(decision, Decision.Failure.INTERRUPTED, "interrupted");
            assertTrue(client.check(chargeCheck(1)).allow(), "an interrupt is not the endpoint's failure");
        }
    }

    @Test
    void aServerThatIsDownIsAConnectionDeny() throws IOException {
        try (ArbiterClient client = clientOf(closedPort()).build()) {
            assertFailedClosed(client.check(chargeCheck(1)), Decision.Failure.CONNECTION_FAILED, "could not reach");
        }
    }

    @Test
    void serverErrorsAreDeniesNamingTheError() {
        fake.answer(503, """
                {"error":{"code":"store_unavailable","message":"the store is down","details":[]}}""");
        try (ArbiterClient client = clientOf(fake.url()).build()) {
            assertFailedClosed(client.check(chargeCheck(1)), Decision.Failure.SERVER_ERROR,
                    "503 store_unavailable: the store is down");
            fake.answer(500, "<html>proxy error</html>");
            assertFailedClosed(client.check(chargeCheck(1)), Decision.Failure.SERVER_ERROR, "proxy error");
        }
    }

    @Test
    void answersThatAreNotDecisionsAreDenies() {
        try (ArbiterClient client = clientOf(fake.url()).circuitBreaker(100, Duration.ofSeconds(1)).build()) {
            for (String garbage : List.of("not json", "[]",
                    "{\"allow\": \"yes\", \"decisionId\": \"d\", \"revision\": 1}",
                    "{\"decisionId\": \"d\", \"revision\": 1}", "{\"allow\": true, \"revision\": 1}",
                    "{\"allow\": true, \"decisionId\": \"d\", \"revision\": 1} trailing",
                    "{\"allow\": true, \"decisionId\": \"d\", \"revision\": 1, \"explain\": [{\"rule\": \"r\"}]}",
                    "{\"allow\": true, \"decisionId\": \"d\", \"revision\": 1, \"shadow\": {\"policy\": \"p\"}}", "")) {
                fake.answer(200, garbage);
                assertFailedClosed(client.check(chargeCheck(1)), Decision.Failure.MALFORMED_ANSWER, "not a decision");
            }
            fake.answer(200, "{\"results\": []}");
            List<Decision> batch = client.checkBatch(List.of(chargeCheck(1), chargeCheck(2)));
            assertFailedClosed(batch.get(1), Decision.Failure.MALFORMED_ANSWER, "0 results for 2 checks");
        }
    }

    @Test
    void unknownAnswerFieldsAreIgnored() {
        fake.answer(200, FakeArbiter.ALLOW.replace("}", """
                ,"obligations":[{"rule":"r"}],"advice":{"allow":false},"shadow":{"allow":false}}"""));
        try (ArbiterClient client = clientOf(fake.url()).build()) {
            Decision decision = client.check(chargeCheck(1));
            assertTrue(decision.allow());
            assertEquals(7, decision.revision());
            assertEquals(new Shadow(false, null, null), decision.shadow());
        }
    }

    @Test
    void failureModeThrowRaisesInsteadOfDenying() {
        fake.answer(500, "");
        try (ArbiterClient client = clientOf(fake.url()).failureMode(FailureMode.THROW).build()) {
            ArbiterUnavailableException thrown = assertThrows(ArbiterUnavailableException.class,
                    () -> client.check(chargeCheck(1)));
            assertEquals(Decision.Failure.SERVER_ERROR, thrown.failure());
            assertThrows(ArbiterUnavailableException.class, () -> client.checkBatch(List.of(chargeCheck(1))));
        }
    }

    @Test
    void callerBugsThrowWithTheServersExplanation() {
        fake.answer(400, "{\"error\":{\"code\":\"invalid_request\",\"message\":\"action: must be a non-empty string\","
                + "\"details\":[{\"path\":\"action\",\"message\":\"must be a non-empty string\"}]}}");
        try (ArbiterClient client = clientOf(fake.url()).build()) {
            ArbiterApiException thrown = assertThrows(ArbiterApiException.class, () -> client.check(chargeCheck(1)));
            assertEquals(400, thrown.status());
            assertEquals("invalid_request", thrown.code());
            assertEquals("action", thrown.details().get(0).path());
            fake.answer(401, "go away");
            ArbiterApiException plain = assertThrows(ArbiterApiException.class, () -> client.check(chargeCheck(1)));
            assertEquals("http_401", plain.code());
            assertTrue(plain.getMessage().contains("go away"), plain.getMessage());
        }
    }

    @Test
    void theBreakerFailsFastWhileTheServerIsDown() {
        fake.hang();
        Duration timeout = Duration.ofSeconds(1);
        try (ArbiterClient client = clientOf(fake.url()).timeout(timeout)
                .circuitBreaker(2, Duration.ofMinutes(5)).build()) {
            assertEquals(Decision.Failure.TIMEOUT, client.check(chargeCheck(1)).failure());
            assertEquals(Decision.Failure.TIMEOUT, client.check(chargeCheck(1)).failure());

            long started = System.nanoTime();
            Decision decision = client.check(chargeCheck(1));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            assertFailedClosed(decision, Decision.Failure.CIRCUIT_OPEN, "circuit breaker is open");
            assertTrue(decision.reason().contains("no answer from " + fake.url()), decision.reason());
            assertTrue(elapsedMillis < timeout.toMillis() / 2, "an open breaker took " + elapsedMillis + " ms");
            assertEquals(2, fake.requests("/v1/check"), "an open breaker sends nothing");
        }
    }

    @Test
    void theBreakerLetsOneTrialThroughAndClosesWhenTheServerIsBack() {
        fake.answer(500, "");
        ManualTicker clock = new ManualTicker();
        try (ArbiterClient client = clientOf(fake.url()).circuitBreaker(2, Duration.ofMillis(300)).ticker(clock)
                .build()) {
            client.check(chargeCheck(1));
            client.check(chargeCheck(1));
            assertEquals(Decision.Failure.CIRCUIT_OPEN, client.check(chargeCheck(1)).failure());
            assertEquals(2, fake.requests("/v1/check"));

            fake.answer(200, FakeArbiter.ALLOW);
            clock.advance(Duration.ofMillis(299));
            assertEquals(Decision.Failure.CIRCUIT_OPEN, client.check(chargeCheck(1)).failure(), "still open");
            clock.advance(Duration.ofMillis(1));
            assertTrue(client.check(chargeCheck(1)).allow(), "the trial call goes through");
            assertTrue(client.check(chargeCheck(1)).allow(), "the breaker is closed again");
            assertEquals(4, fake.requests("/v1/check"));
        }
    }

    @Test
    void aFailedTrialOpensTheBreakerAgain() {
        fake.answer(502, "");
        ManualTicker clock = new ManualTicker();
        try (ArbiterClient client = clientOf(fake.url()).circuitBreaker(1, Duration.ofMillis(300)).ticker(clock)
                .build()) {
            assertEquals(Decision.Failure.SERVER_ERROR, client.check(chargeCheck(1)).failure());
            clock.advance(Duration.ofMillis(300));
            assertEquals(Decision.Failure.SERVER_ERROR, client.check(chargeCheck(1)).failure(), "the trial");
            assertEquals(Decision.Failure.CIRCUIT_OPEN, client.check(chargeCheck(1)).failure());
            assertEquals(2, fake.requests("/v1/check"));
        }
    }

    @Test
    void connectionFailuresAreRetriedOnAnotherEndpoint() throws IOException {
        try (ArbiterClient client = clientOf(closedPort(), fake.url()).build()) {
            for (int i = 0; i < 4; i++) {
                Decision decision = client.check(chargeCheck(1));
                assertTrue(decision.allow(), decision.reason());
            }
            assertEquals(4, fake.requests("/v1/check"));
        }
    }

    @Test
    void anEndpointThatFailedIsAvoidedWhileAnotherIsHealthy() {
        try (FakeArbiter healthy = new FakeArbiter()) {
            fake.answer(500, "");
            try (ArbiterClient client = clientOf(fake.url(), healthy.url()).build()) {
                int denied = 0;
                for (int i = 0; i < 10; i++) {
                    denied += client.check(chargeCheck(1)).allow() ? 0 : 1;
                }
                assertEquals(1, fake.requests("/v1/check"), "round-robin tried it once, then kept away");
                assertEquals(1, denied);
                assertEquals(9, healthy.requests("/v1/check"));
            }
        }
    }

    @Test
    void retriesAreBounded() throws IOException {
        try (ArbiterClient client = clientOf(closedPort(), closedPort(), closedPort(), fake.url())
                .maxRetries(1).circuitBreaker(100, Duration.ofSeconds(1)).build()) {
            int allowed = 0;
            for (int i = 0; i < 8; i++) {
                allowed += client.check(chargeCheck(1)).allow() ? 1 : 0;
            }
            assertTrue(allowed < 8, "with one retry, some calls meet two dead endpoints in a row");
        }
    }

    @Test
    void answersAreNeverRetried() {
        try (FakeArbiter other = new FakeArbiter()) {
            fake.answer(500, "");
            other.answer(500, "");
            try (ArbiterClient client = clientOf(fake.url(), other.url()).build()) {
                assertEquals(Decision.Failure.SERVER_ERROR, client.check(chargeCheck(1)).failure());
                assertEquals(1, fake.requests("/v1/check") + other.requests("/v1/check"));

                fake.answer(200, FakeArbiter.ALLOW.replace("\"allow\":true", "\"allow\":false"));
                other.answer(200, FakeArbiter.ALLOW.replace("\"allow\":true", "\"allow\":false"));
                assertFalse(client.check(chargeCheck(1)).allow());
                assertEquals(2, fake.requests("/v1/check") + other.requests("/v1/check"), "a deny is a decision");
            }
        }
    }

    @Test
    void aStaleReplicaSendsTheCheckToAnother() {
        try (FakeArbiter fresh = new FakeArbiter()) {
            fake.answer(409, "{\"error\":{\"code\":\"stale_replica\",\"message\":\"behind\",\"details\":[]}}");
            try (ArbiterClient client = clientOf(fake.url(), fresh.url()).build()) {
                for (int i = 0; i < 4; i++) {
                    assertTrue(client.check(chargeCheck(1).minRevision(7)).allow());
                }
                assertEquals(4, fresh.requests("/v1/check"));
            }
        }
    }
}
