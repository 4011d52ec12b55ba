package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.COMPILER;
import static dev.arbiter.server.engine.EngineFixture.compiled;
import static dev.arbiter.server.engine.EngineFixture.policy;
import static dev.arbiter.server.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.server.audit.Micros;
import dev.arbiter.store.model.PolicyBundle;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A bundle applied in memory has the semantics of an apply, and replays see both sets at the logged time. */
class BundlePreviewTest {

    private static final String A_ON_ORDERS = """
            {"id": "a", "service": "orders", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["read"]}]}""";
    private static final String A_ON_BILLING = """
            {"id": "a", "service": "billing", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["read"]}]}""";
    private static final String B_ON_BILLING = """
            {"id": "b", "service": "billing", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["pay"]}]}""";
    private static final String C_ON_STOCK = """
            {"id": "c", "service": "stock", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["count"]}]}""";

    private static final PolicySet CURRENT = PolicySet.of(EngineFixture.REVISION,
            List.of(compiled(A_ON_ORDERS), compiled(B_ON_BILLING), compiled(C_ON_STOCK)));

    private static Replay.Outcome replay(BundlePreview preview, String action, String service) {
        return new Replay(CURRENT, preview.policies()).decide(request("p", action, service).build(), Micros.now());
    }

    @Test
    void aMovedPolicyLeavesItsOldServiceAndTheOthersOfItsNewServiceAreDeleted() {
        BundlePreview preview = BundlePreview.of(CURRENT, PolicyBundle.ofPolicies(List.of(policy(A_ON_BILLING))),
                COMPILER);

        assertEquals(List.of("a"), preview.diff().updated());
        assertEquals(List.of("b"), preview.diff().deleted(), "billing is governed by the bundle, b is not in it");
        assertEquals(Set.of("billing", "orders"), preview.governedServices(), "orders loses a");
        assertFalse(preview.governsEveryService());

        Replay.Outcome orders = replay(preview, "read", "orders");
        assertTrue(orders.flipped());
        assertTrue(orders.before().allow());
        assertTrue(replay(preview, "read", "billing").after().allow());
        assertFalse(replay(preview, "pay", "billing").after().allow());
        assertFalse(replay(preview, "count", "stock").flipped(), "stock is not governed");
        assertEquals(3, CURRENT.size(), "the current set is left as it was");
    }

    @Test
    void anUnchangedBundleChangesNothing() {
        PolicyBundle sameAsStored = new PolicyBundle(new TreeSet<>(Set.of("orders", "billing")),
                List.of(policy(A_ON_ORDERS), policy(B_ON_BILLING)));
        BundlePreview preview = BundlePreview.of(CURRENT, sameAsStored, COMPILER);

        assertTrue(preview.diff().changesNothing());
        assertEquals(List.of("a", "b"), preview.diff().unchanged());
        Replay.Outcome outcome = replay(preview, "read", "orders");
        assertFalse(outcome.flipped() || outcome.ruleChanged());
    }

    @Test
    void timeConditionsAreJudgedAtTheOriginalDecision() {
        Instant noon = Instant.parse("2026-11-22T12:00:00Z");
        BundlePreview preview = BundlePreview.of(CURRENT, PolicyBundle.ofPolicies(List.of(policy("""
                {"id": "c", "service": "stock", "rules": [{"name": "mornings", "effect": "allow", "roles": ["*"],
                  "actions": ["count"], "condition": "now < timestamp('2026-11-22T12:00:00Z')"}]}"""))), COMPILER);
        Replay replay = new Replay(CURRENT, preview.policies());

        Replay.Outcome morning = replay.decide(request("p", "count", "stock").build(), Micros.of(noon.minusSeconds(1)));
        assertFalse(morning.flipped());
        assertTrue(morning.ruleChanged(), "allowed by the rule mornings instead of r");
        assertTrue(replay.decide(request("p", "count", "stock").build(), Micros.of(noon)).flipped());
    }

    @Test
    void anOrganisationWidePolicyGovernsEveryService() {
        BundlePreview preview = BundlePreview.of(CURRENT, PolicyBundle.ofPolicies(List.of(policy("""
                {"id": "freeze", "service": "*", "rules": [{"name": "r", "effect": "deny", "roles": ["*"], "actions": ["*"]}]}"""))),
                COMPILER);

        assertTrue(preview.governsEveryService());
        assertTrue(replay(preview, "count", "stock").flipped());
    }
}
