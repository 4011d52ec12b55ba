package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.compiled;
import static dev.arbiter.server.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicySetTest {

    private static final String A_ON_ORDERS = """
            {"id": "a", "service": "orders", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["read"]}]}""";
    private static final String A_ON_BILLING = """
            {"id": "a", "service": "billing", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["read"]}]}""";
    private static final String B_ON_ORDERS = """
            {"id": "b", "service": "orders", "rules": [{"name": "r", "effect": "allow", "roles": ["*"], "actions": ["write"]}]}""";

    private static boolean allows(PolicySet policies, String action, String service) {
        DecisionEngine engine = new DecisionEngine();
        engine.install(policies);
        return EngineFixture.decide(engine, request("p", action, service).build()).allow();
    }

    @Test
    void changesProduceNewSnapshotsAndLeaveOldOnesIntact() {
        PolicySet first = PolicySet.of(1, List.of(compiled(A_ON_ORDERS)));
        PolicySet second = first.with(2, List.of(compiled(B_ON_ORDERS)), List.of());
        assertEquals(1, first.size());
        assertEquals(2, second.size());
        assertEquals(2, second.revision());
        assertFalse(allows(first, "write", "orders"));
        assertTrue(allows(second, "write", "orders"));
        assertTrue(allows(second, "read", "orders"));
    }

    @Test
    void aPolicyThatMovesServiceLeavesItsOldService() {
        PolicySet before = PolicySet.of(1, List.of(compiled(A_ON_ORDERS), compiled(B_ON_ORDERS)));
        PolicySet after = before.with(2, List.of(compiled(A_ON_BILLING)), List.of());
        assertFalse(allows(after, "read", "orders"));
        assertTrue(allows(after, "read", "billing"));
        assertTrue(allows(after, "write", "orders"), "the other policy of the old service stays");
    }

    @Test
    void deletionsRemoveRulesAndUnknownIdsAreIgnored() {
        PolicySet before = PolicySet.of(1, List.of(compiled(A_ON_ORDERS), compiled(B_ON_ORDERS)));
        PolicySet after = before.with(2, List.of(), List.of("a", "never-existed"));
        assertEquals(1, after.size());
        assertFalse(allows(after, "read", "orders"));
        assertTrue(allows(after, "write", "orders"));
        PolicySet empty = after.with(3, List.of(), List.of("b"));
        assertEquals(0, empty.size());
        assertFalse(allows(empty, "write", "orders"));
    }

    @Test
    void theRuleCountFollowsWritesReplacementsAndDeletions() {
        String twoRules = """
                {"id": "a", "service": "orders", "rules": [
                  {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["read"]},
                  {"name": "s", "effect": "deny", "roles": ["*"], "actions": ["write"]}]}""";
        PolicySet first = PolicySet.of(1, List.of(compiled(A_ON_ORDERS), compiled(B_ON_ORDERS)));
        assertEquals(2, first.ruleCount());
        PolicySet replaced = first.with(2, List.of(compiled(twoRules)), List.of());
        assertEquals(3, replaced.ruleCount());
        assertEquals(1, replaced.with(3, List.of(), List.of("a", "never-existed")).ruleCount());
        assertEquals(3, replaced.with(4, Directory.EMPTY).ruleCount(), "a directory change keeps the rules");
        assertEquals(2, first.ruleCount(), "an older snapshot keeps its count");
    }
}
