package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.CHECKOUT;
import static dev.arbiter.client.testing.DesignExample.charge;
import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every check method against a real server on a real database. */
class CheckTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    /** Generous: the machine running the tests may be busy; timeouts are tested against fakes. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    static ArbiterAdmin admin;
    static String checkToken;
    static ArbiterClient client;

    @BeforeAll
    static void writePolicies() {
        admin = ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(TestServer.ADMIN_TOKEN).build();
        admin.policies().put(DesignExample.policy());
        admin.policies().put(Policy.of("reports", "reports").rules(Rule.allow("ops-read-from-the-office")
                .roles("*")
                .actions("reports:read")
                .condition("context.sourceIp.startsWith('10.') && 'ops' in principal.attr.teams"
                        + " && resource.attr.limits.max == 3 && resource.attr.ratio > 0.5"
                        + " && resource.attr.archived == false && resource.attr.owner == null")));
        checkToken = admin.keys().create("checkout", KeyRole.CHECK).token();
        client = clientWith(checkToken, FailureMode.DENY);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    static ArbiterClient clientWith(String token, FailureMode mode) {
        return ArbiterClient.builder().endpoints(arbiter.server().baseUrl()).token(token).timeout(TIMEOUT)
                .failureMode(mode).build();
    }

    @Test
    void allowsTheDesignExample() {
        Decision decision = client.check(CHECKOUT, "charges:create", charge(5000));
        assertTrue(decision.allow(), decision.reason());
        assertEquals("payments-api", decision.policy());
        assertEquals("checkout-can-charge", decision.rule());
        assertEquals("allowed by payments-api/checkout-can-charge", decision.reason());
        assertEquals(7, UUID.fromString(decision.decisionId()).version());
        assertTrue(decision.revision() >= 1);
        assertFalse(decision.failedClosed());
        assertFalse(decision.cached());
        assertNull(decision.failure());
    }

    @Test
    void defaultDenyHasNoPolicyOrRule() {
        Decision decision = client.check(CHECKOUT, "charges:create", charge(20_000));
        assertFalse(decision.allow());
        assertNull(decision.policy());
        assertNull(decision.rule());
        assertTrue(decision.reason().startsWith("denied by default"), decision.reason());
        assertFalse(decision.failedClosed(), "a server deny is a decision, not a failure");
    }

    @Test
    void denyRulesAreNamed() {
        Decision decision = client.check(Principal.of("spiffe://acme.dev/ns/shop/sa/support").attr("env", "dev"),
                "refunds:create", Resource.of("payments").kind("refund").attr("env", "prod"));
        assertFalse(decision.allow());
        assertEquals("no-cross-env-refunds", decision.rule());
    }

    @Test
    void everyKindOfAttributeValueAndTheContextReachTheConditions() {
        Resource report = Resource.of("reports", "report", "q3")
                .attr("limits", Map.of("max", 3))
                .attr("ratio", 0.75f)
                .attr("archived", false)
                .attr("owner", null);
        Principal ops = Principal.of("alice").attrs(Map.of("teams", List.of("dev", "ops")));

        assertTrue(client.check(ops, "reports:read", report, Map.of("sourceIp", "10.1.2.3")).allow());
        assertFalse(client.check(ops, "reports:read", report, Map.of("sourceIp", "192.168.0.1")).allow());
        assertFalse(client.check(ops, "reports:read", report.attr("archived", true),
                Map.of("sourceIp", "10.1.2.3")).allow());
        assertFalse(client.check(ops.attr("teams", List.of("dev")), "reports:read", report,
                Map.of("sourceIp", "10.1.2.3")).allow());
    }

    @Test
    void checkAsyncCompletesWithTheDecision() {
        Decision allowed = client.checkAsync(CHECKOUT, "charges:create", charge(10)).join();
        Decision denied = client.checkAsync(chargeCheck(50_000)).join();
        Decision withContext = client.checkAsync(Principal.of("bob"), "reports:read", Resource.of("reports"),
                Map.of("sourceIp", "10.0.0.1")).join();
        assertTrue(allowed.allow());
        assertFalse(denied.allow());
        assertFalse(withContext.allow(), withContext.reason());
        assertFalse(withContext.failedClosed());
    }

    @Test
    void batchAnswersInOrder() {
        List<Decision> decisions = client.checkBatch(List.of(
                chargeCheck(1),
                chargeCheck(1_000_000),
                CheckRequest.of(Principal.of("x").attr("env", "dev"), "refunds:create",
                        Resource.of("payments").attr("env", "prod"))));
        assertEquals(3, decisions.size());
        assertTrue(decisions.get(0).allow());
        assertFalse(decisions.get(1).allow());
        assertNull(decisions.get(1).rule());
        assertEquals("no-cross-env-refunds", decisions.get(2).rule());
        assertEquals(3, decisions.stream().map(Decision::decisionId).distinct().count());
    }

    @Test
    void batchAsyncAndEmptyBatches() {
        assertEquals(List.of(), client.checkBatch(List.of()));
        List<Decision> decisions = client.checkBatchAsync(List.of(chargeCheck(2), chargeCheck(3))).join();
        assertTrue(decisions.get(0).allow() && decisions.get(1).allow());
    }

    @Test
    void batchesLargerThanTheServerTakesAreRefusedBeforeSending() {
        List<CheckRequest> tooMany = Collections.nCopies(ArbiterClient.MAX_BATCH + 1, chargeCheck(1));
        assertThrows(IllegalArgumentException.class, () -> client.checkBatch(tooMany));
    }

    @Test
    void minRevisionFromAPolicyWriteIsHonoured() {
        PolicyWrite write = admin.policies().put(Policy.of("audit-reads", "audit")
                .rules(Rule.allow("auditors").roles("auditor").actions("logs:read")));
        Decision decision = client.check(CheckRequest.of(Principal.of("eve").roles("auditor"), "logs:read",
                Resource.of("audit")).minRevision(write.revision()));
        assertTrue(decision.allow(), decision.reason());
        assertTrue(decision.revision() >= write.revision());
    }

    @Test
    void aRevisionNoServerHoldsFailsClosed() {
        Decision decision = client.check(chargeCheck(5).minRevision(1_000_000_000L));
        assertFalse(decision.allow());
        assertEquals(Decision.Failure.STALE_REPLICA, decision.failure());
        assertTrue(decision.reason().contains("stale_replica"), decision.reason());
        assertNull(decision.decisionId());
        assertEquals(Decision.NO_REVISION, decision.revision());

        try (ArbiterClient throwing = clientWith(checkToken, FailureMode.THROW)) {
            ArbiterUnavailableException thrown = assertThrows(ArbiterUnavailableException.class,
                    () -> throwing.check(chargeCheck(5).minRevision(1_000_000_000L)));
            assertEquals(Decision.Failure.STALE_REPLICA, thrown.failure());
        }
    }

    @Test
    void aBadTokenThrowsEvenWhenFailingClosed() {
        try (ArbiterClient unknown = clientWith("arb_not-a-key", FailureMode.DENY)) {
            ArbiterApiException thrown = assertThrows(ArbiterApiException.class,
                    () -> unknown.check(CHECKOUT, "charges:create", charge(1)));
            assertEquals(401, thrown.status());
            assertEquals("unauthorized", thrown.code());
            assertTrue(thrown.getMessage().contains("unknown or revoked token"), thrown.getMessage());

            CompletionException async = assertThrows(CompletionException.class,
                    () -> unknown.checkAsync(chargeCheck(1)).join());
            assertInstanceOf(ArbiterApiException.class, async.getCause());
            assertThrows(ArbiterApiException.class, () -> unknown.checkBatch(List.of(chargeCheck(1))));
        }
    }

    @Test
    void aKeyWithoutTheCheckRoleIsForbidden() {
        String auditor = admin.keys().create("reader", KeyRole.AUDITOR).token();
        try (ArbiterClient forbidden = clientWith(auditor, FailureMode.DENY)) {
            ArbiterApiException thrown = assertThrows(ArbiterApiException.class,
                    () -> forbidden.check(chargeCheck(1)));
            assertEquals(403, thrown.status());
            assertEquals("forbidden", thrown.code());
        }
    }

    @Test
    void aRevokedKeyStopsWorking() {
        String token = admin.keys().create("short-lived", KeyRole.CHECK).token();
        try (ArbiterClient revoked = clientWith(token, FailureMode.DENY)) {
            assertTrue(revoked.check(chargeCheck(1)).allow());
            admin.keys().delete("short-lived");
            assertEquals(401, assertThrows(ArbiterApiException.class, () -> revoked.check(chargeCheck(1))).status());
        }
    }
}
