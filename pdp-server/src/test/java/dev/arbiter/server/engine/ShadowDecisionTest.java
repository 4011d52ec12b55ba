package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.engine;
import static dev.arbiter.server.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShadowDecisionTest {

    static final String ENFORCED = """
            {"id": "m-enforced", "service": "s", "rules": [
              {"name": "readers-read", "effect": "allow", "roles": ["reader"], "actions": ["read"]},
              {"name": "nobody-deletes", "effect": "deny", "roles": ["*"], "actions": ["delete"]}]}""";
    static final String DRY_RUN = """
            {"id": "n-candidate", "service": "s", "mode": "dry_run", "rules": [
              {"name": "no-reads-at-night", "effect": "deny", "roles": ["*"], "actions": ["read"],
               "condition": "resource.attr.night"},
              {"name": "writers-write", "effect": "allow", "roles": ["writer"], "actions": ["write"]},
              {"name": "no-deletes-either", "effect": "deny", "roles": ["*"], "actions": ["delete"]}]}""";

    final DecisionEngine engine = engine(ENFORCED, DRY_RUN);

    @Test
    void aDryRunDenyThatWouldDenyAnAllowedRequestIsTheShadow() {
        Decision decision = EngineFixture.decide(engine, request("p", "read", "s").roles("reader").resourceAttr("night", true).build());
        assertTrue(decision.allow(), "the dry-run deny changes nothing");
        assertEquals("readers-read", decision.rule());
        assertEquals(new Shadow(false, "n-candidate", "no-reads-at-night"), decision.shadow());
    }

    @Test
    void aFailingDryRunDenyFailsClosedInTheShadow() {
        Decision decision = EngineFixture.decide(engine, request("p", "read", "s").roles("reader").build());
        assertTrue(decision.allow());
        assertEquals(new Shadow(false, "n-candidate", "no-reads-at-night"), decision.shadow());
    }

    @Test
    void aDryRunAllowThatWouldAllowADeniedRequestIsTheShadow() {
        Decision decision = EngineFixture.decide(engine, request("p", "write", "s").roles("writer").build());
        assertFalse(decision.allow());
        assertNull(decision.rule());
        assertEquals(new Shadow(true, "n-candidate", "writers-write"), decision.shadow());
    }

    @Test
    void noShadowWhenTheDryRunPoliciesAgreeOnAllow() {
        assertNull(EngineFixture.decide(engine, request("p", "read", "s").roles("reader").resourceAttr("night", false).build())
                .shadow());
        Decision delete = EngineFixture.decide(engine, request("p", "delete", "s").build());
        assertEquals("nobody-deletes", delete.rule());
        assertNull(delete.shadow(), "denied either way, even by another rule");
        assertNull(EngineFixture.decide(engine, request("p", "write", "s").build()).shadow(), "default deny either way");
    }

    @Test
    void organisationWideDryRunPoliciesShadowEveryService() {
        DecisionEngine withOrgDryRun = engine(ENFORCED.replace("\"s\"", "\"other\""), """
                {"id": "org", "service": "*", "mode": "dry_run", "rules": [
                  {"name": "freeze", "effect": "deny", "roles": ["*"], "actions": ["*"]}]}""");
        Decision decision = EngineFixture.decide(withOrgDryRun, request("p", "read", "other").roles("reader").build());
        assertTrue(decision.allow());
        assertEquals(new Shadow(false, "org", "freeze"), decision.shadow());
    }

    @Test
    void dryRunPoliciesNeverChangeADecision() {
        DecisionEngine enforcedOnly = engine(ENFORCED);
        int shadows = 0;
        for (String action : new String[] {"read", "write", "delete", "other"}) {
            for (String role : new String[] {"reader", "writer", "none"}) {
                for (Object night : new Object[] {true, false, "not a bool"}) {
                    CheckRequest request = request("p", action, "s").roles(role).resourceAttr("night", night).build();
                    Decision decision = EngineFixture.decide(engine, request);
                    Decision withoutDryRun = EngineFixture.decide(enforcedOnly, request);
                    assertEquals(withoutDryRun, new Decision(decision.allow(), decision.policy(), decision.rule(),
                            decision.revision(), decision.reason()), request.toString());
                    if (decision.shadow() != null) {
                        shadows++;
                        assertTrue(decision.shadow().allow() != decision.allow());
                        assertEquals("n-candidate", decision.shadow().policy());
                    }
                }
            }
        }
        assertEquals(5, shadows, "reads by a reader with night true or not a bool (2), writes by a writer (3)");
    }
}
