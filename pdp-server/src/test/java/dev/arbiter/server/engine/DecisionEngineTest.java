package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.engine;
import static dev.arbiter.server.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

    static final String PAYMENTS_API = """
            {"id": "payments-api", "service": "payments", "rules": [
              {"name": "checkout-can-charge", "effect": "allow",
               "principals": ["spiffe://acme.prod/ns/shop/sa/checkout"],
               "actions": ["charges:create", "charges:read"], "kinds": ["charge"],
               "condition": "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"},
              {"name": "no-cross-env-refunds", "effect": "deny", "roles": ["*"], "actions": ["refunds:*"],
               "condition": "principal.attr.env != resource.attr.env"}
            ]}""";
    static final String CHECKOUT = "spiffe://acme.prod/ns/shop/sa/checkout";

    @Nested
    class DesignExample {
        final DecisionEngine engine = engine(PAYMENTS_API);

        @Test
        void allowsACheckoutChargeWithinTheLimit() {
            Decision decision = EngineFixture.decide(engine, request(CHECKOUT, "charges:create", "payments").kind("charge")
                    .principalAttr("env", "prod").resourceAttr("amount", 5000L).resourceAttr("env", "prod").build());
            assertTrue(decision.allow());
            assertEquals("payments-api", decision.policy());
            assertEquals("checkout-can-charge", decision.rule());
            assertEquals(EngineFixture.REVISION, decision.revision());
            assertEquals("allowed by payments-api/checkout-can-charge", decision.reason());
        }

        @Test
        void deniesByDefaultAboveTheLimit() {
            Decision decision = EngineFixture.decide(engine, request(CHECKOUT, "charges:create", "payments").kind("charge")
                    .principalAttr("env", "prod").resourceAttr("amount", 20000L).resourceAttr("env", "prod").build());
            assertFalse(decision.allow());
            assertNull(decision.policy());
            assertNull(decision.rule());
            assertTrue(decision.reason().startsWith("denied by default"), decision.reason());
        }

        @Test
        void deniesCrossEnvironmentRefunds() {
            Decision decision = EngineFixture.decide(engine, request("anyone", "refunds:create", "payments")
                    .principalAttr("env", "dev").resourceAttr("env", "prod").build());
            assertFalse(decision.allow());
            assertEquals("no-cross-env-refunds", decision.rule());
            assertEquals("denied by payments-api/no-cross-env-refunds", decision.reason());
        }

        @Test
        void doesNotApplyToAnotherService() {
            Decision decision = EngineFixture.decide(engine, request(CHECKOUT, "charges:create", "billing").kind("charge")
                    .principalAttr("env", "prod").resourceAttr("amount", 5L).resourceAttr("env", "prod").build());
            assertFalse(decision.allow());
            assertNull(decision.rule());
        }

        @Test
        void requiresTheKindToMatch() {
            Decision decision = EngineFixture.decide(engine, request(CHECKOUT, "charges:create", "payments").kind("refund")
                    .principalAttr("env", "prod").resourceAttr("amount", 5L).resourceAttr("env", "prod").build());
            assertFalse(decision.allow());
        }

        @Test
        void acceptsDoubleAmountsAgainstIntegerLimits() {
            Decision decision = EngineFixture.decide(engine, request(CHECKOUT, "charges:read", "payments").kind("charge")
                    .principalAttr("env", "prod").resourceAttr("amount", 9999.5).resourceAttr("env", "prod").build());
            assertTrue(decision.allow());
        }
    }

    @Nested
    class Matching {
        @Test
        void globsMatchEmptyRunsAndCrossSlashesAndColons() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "r", "effect": "allow", "principals": ["spiffe://acme.prod/*"], "actions": ["orders:*"]}]}""");
            assertTrue(EngineFixture.decide(engine, request("spiffe://acme.prod/ns/a/sa/b", "orders:", "s").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("spiffe://acme.prod/", "orders:x:y/z", "s").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("spiffe://acme.dev/ns/a", "orders:read", "s").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("spiffe://acme.prod/x", "Orders:read", "s").build()).allow());
        }

        @Test
        void rolesMatchByNameAndStarMatchesEveryPrincipal() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "ops", "effect": "allow", "roles": ["ops"], "actions": ["restart"]},
                      {"name": "all", "effect": "allow", "roles": ["*"], "actions": ["ping"]}]}""");
            assertTrue(EngineFixture.decide(engine, request("x", "restart", "s").roles("dev", "ops").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("x", "restart", "s").roles("dev").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("ops", "restart", "s").build()).allow(), "roles are not principal ids");
            assertTrue(EngineFixture.decide(engine, request("x", "ping", "s").build()).allow(), "no roles at all still matches *");
        }

        @Test
        void principalPatternOrRoleEitherSuffices() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "r", "effect": "allow", "principals": ["svc-a"], "roles": ["admin"], "actions": ["x"]}]}""");
            assertTrue(EngineFixture.decide(engine, request("svc-a", "x", "s").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("svc-b", "x", "s").roles("admin").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("svc-b", "x", "s").roles("user").build()).allow());
        }

        @Test
        void absentKindsMatchEveryKindIncludingNone() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "any", "effect": "allow", "roles": ["*"], "actions": ["a"]},
                      {"name": "docs", "effect": "allow", "roles": ["*"], "actions": ["b"], "kinds": ["doc*"]}]}""");
            assertTrue(EngineFixture.decide(engine, request("x", "a", "s").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("x", "a", "s").kind("whatever").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("x", "b", "s").kind("doc").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("x", "b", "s").kind("document").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("x", "b", "s").build()).allow());
        }

        @Test
        void everyServicePoliciesApplyEverywhere() {
            DecisionEngine engine = engine("""
                    {"id": "org", "service": "*", "rules": [
                      {"name": "health", "effect": "allow", "roles": ["*"], "actions": ["health:read"]}]}""");
            assertTrue(EngineFixture.decide(engine, request("x", "health:read", "payments").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("x", "health:read", "billing").build()).allow());
            assertFalse(EngineFixture.decide(engine, request("x", "health:write", "billing").build()).allow());
        }

        @Test
        void literalAndWildcardActionsAreBothConsidered() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "deny-deletes", "effect": "deny", "roles": ["*"], "actions": ["*:delete"]},
                      {"name": "allow-all", "effect": "allow", "roles": ["*"], "actions": ["docs:delete", "docs:read"]}]}""");
            assertEquals("deny-deletes", EngineFixture.decide(engine, request("x", "docs:delete", "s").build()).rule());
            assertEquals("allow-all", EngineFixture.decide(engine, request("x", "docs:read", "s").build()).rule());
            assertNull(EngineFixture.decide(engine, request("x", "docs:write", "s").build()).rule());
        }

        @Test
        void dryRunPoliciesNeverDecide() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "mode": "dry_run", "rules": [
                      {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["*"]}]}""");
            assertFalse(EngineFixture.decide(engine, request("x", "read", "s").build()).allow());
        }
    }

    @Nested
    class DenyOverrides {
        @Test
        void aTrueDenyBeatsAnEarlierAllow() {
            DecisionEngine engine = engine("""
                    {"id": "a-allow", "service": "s", "rules": [
                      {"name": "yes", "effect": "allow", "roles": ["*"], "actions": ["x"]}]}""", """
                    {"id": "z-deny", "service": "*", "rules": [
                      {"name": "no", "effect": "deny", "roles": ["*"], "actions": ["x"]}]}""");
            Decision decision = EngineFixture.decide(engine, request("p", "x", "s").build());
            assertFalse(decision.allow());
            assertEquals("z-deny", decision.policy());
            assertEquals("no", decision.rule());
        }

        @Test
        void aFalseDenyDoesNotDeny() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "no", "effect": "deny", "roles": ["*"], "actions": ["x"], "condition": "false"},
                      {"name": "yes", "effect": "allow", "roles": ["*"], "actions": ["x"]}]}""");
            assertEquals("yes", EngineFixture.decide(engine, request("p", "x", "s").build()).rule());
        }

        @Test
        void aFailingDenyDeniesWithTheErrorInTheReason() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "yes", "effect": "allow", "roles": ["*"], "actions": ["x"]},
                      {"name": "no", "effect": "deny", "roles": ["*"], "actions": ["x"], "condition": "resource.attr.locked"}]}""");
            Decision decision = EngineFixture.decide(engine, request("p", "x", "s").build());
            assertFalse(decision.allow());
            assertEquals("no", decision.rule());
            assertTrue(decision.reason().contains("fail closed"), decision.reason());
            assertTrue(decision.reason().contains("locked"), decision.reason());
        }

        @Test
        void aFailingAllowDoesNotAllowAndIsNamedInTheReason() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "yes", "effect": "allow", "roles": ["*"], "actions": ["x"], "condition": "resource.attr.public"}]}""");
            Decision decision = EngineFixture.decide(engine, request("p", "x", "s").build());
            assertFalse(decision.allow());
            assertNull(decision.rule());
            assertTrue(decision.reason().contains("p/yes could not be evaluated"), decision.reason());
        }

        @Test
        void aNonBoolResultIsAnError() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "yes", "effect": "allow", "roles": ["*"], "actions": ["x"], "condition": "resource.attr.flag"},
                      {"name": "no", "effect": "deny", "roles": ["*"], "actions": ["y"], "condition": "resource.attr.flag"}]}""");
            assertFalse(EngineFixture.decide(engine, request("p", "x", "s").resourceAttr("flag", "yes").build()).allow());
            assertTrue(EngineFixture.decide(engine, request("p", "x", "s").resourceAttr("flag", true).build()).allow());
            Decision deny = EngineFixture.decide(engine, request("p", "y", "s").resourceAttr("flag", 1L).build());
            assertEquals("no", deny.rule());
            assertTrue(deny.reason().contains("not a bool"), deny.reason());
        }
    }

    @Nested
    class ReportedRule {
        @Test
        void isTheFirstByPolicyIdThenPosition() {
            DecisionEngine engine = engine("""
                    {"id": "b", "service": "s", "rules": [
                      {"name": "b1", "effect": "allow", "roles": ["*"], "actions": ["x"]}]}""", """
                    {"id": "a", "service": "s", "rules": [
                      {"name": "a1", "effect": "allow", "roles": ["*"], "actions": ["y"]},
                      {"name": "a2", "effect": "allow", "roles": ["*"], "actions": ["x"]},
                      {"name": "a3", "effect": "allow", "roles": ["*"], "actions": ["x"]}]}""");
            Decision decision = EngineFixture.decide(engine, request("p", "x", "s").build());
            assertEquals("a", decision.policy());
            assertEquals("a2", decision.rule());
        }

        @Test
        void mergesServiceAndEveryServicePoliciesByPolicyId() {
            DecisionEngine engine = engine("""
                    {"id": "m-service", "service": "s", "rules": [
                      {"name": "svc-deny", "effect": "deny", "roles": ["*"], "actions": ["x"]}]}""", """
                    {"id": "a-org", "service": "*", "rules": [
                      {"name": "org-deny", "effect": "deny", "roles": ["*"], "actions": ["x"]}]}""", """
                    {"id": "z-org", "service": "*", "rules": [
                      {"name": "late-deny", "effect": "deny", "roles": ["*"], "actions": ["x"]}]}""");
            assertEquals("org-deny", EngineFixture.decide(engine, request("p", "x", "s").build()).rule());
            assertEquals("org-deny", EngineFixture.decide(engine, request("p", "x", "other").build()).rule());
        }

        @Test
        void denyReportedIsTheFirstDenyEvenAfterAnAllow() {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "allow-first", "effect": "allow", "roles": ["*"], "actions": ["x"]},
                      {"name": "deny-false", "effect": "deny", "roles": ["*"], "actions": ["x"], "condition": "false"},
                      {"name": "deny-second", "effect": "deny", "roles": ["*"], "actions": ["x"]},
                      {"name": "deny-third", "effect": "deny", "roles": ["*"], "actions": ["x"]}]}""");
            assertEquals("deny-second", EngineFixture.decide(engine, request("p", "x", "s").build()).rule());
        }
    }

    @Nested
    class CelEnvironment {
        private Decision decide(String condition, EngineFixture.RequestBuilder request) {
            DecisionEngine engine = engine("""
                    {"id": "p", "service": "s", "rules": [
                      {"name": "r", "effect": "allow", "roles": ["*"], "actions": ["*"], "condition": %s}]}"""
                    .formatted(dev.arbiter.store.model.PolicyJson.MAPPER.valueToTree(condition).toString()));
            return EngineFixture.decide(engine, request.build());
        }

        private boolean allows(String condition, EngineFixture.RequestBuilder request) {
            return decide(condition, request).allow();
        }

        private void assertAllows(String condition, EngineFixture.RequestBuilder request) {
            Decision decision = decide(condition, request);
            assertTrue(decision.allow(), condition + ": " + decision.reason());
        }

        @Test
        void hasAndMacros() {
            EngineFixture.RequestBuilder request = request("p", "read", "s").roles("a", "b")
                    .resourceAttr("tags", List.of("x", "y"));
            assertAllows("has(resource.attr.tags) && resource.attr.tags.exists(t, t == 'y')", request);
            assertFalse(allows("has(resource.attr.owner)", request));
            assertAllows("principal.roles.all(r, r.size() == 1)", request);
            assertAllows("'b' in principal.roles", request);
        }

        @Test
        void variables() {
            EngineFixture.RequestBuilder request = request("svc", "orders:read", "s").kind("order");
            assertAllows("action == 'orders:read' && resource.service == 's' && resource.kind == 'order'"
                    + " && resource.id == 'r1' && principal.id == 'svc' && context == {}", request);
            assertAllows("now > timestamp('2020-01-01T00:00:00Z')", request);
        }

        @Test
        void extensions() {
            EngineFixture.RequestBuilder request = request("spiffe://acme/ns/x", "a", "s");
            assertAllows("principal.id.split('/').size() == 5 && 'ABC'.lowerAscii() == 'abc'", request);
            assertAllows("math.greatest(1, 5, 3) == 5", request);
            assertAllows("sets.contains([1, 2, 3], [2])", request);
            assertAllows("[3, 1, 2].sort() == [1, 2, 3]", request);
        }

        @Test
        void jsonNullIsCelNull() {
            assertAllows("resource.attr.owner == null",
                    request("p", "a", "s").resourceAttr("owner", dev.cel.common.values.NullValue.NULL_VALUE));
        }

        @Test
        void comprehensionsAreBoundedAndExceedingTheBoundIsAnError() {
            String eleven = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]";
            String threeDeep = eleven + ".all(a, " + eleven + ".all(b, " + eleven + ".all(c, c >= 0)))";
            String fourDeep = eleven + ".all(a, " + eleven + ".all(b, " + eleven + ".all(c, " + eleven + ".all(d, d >= 0))))";
            assertAllows(threeDeep, request("p", "a", "s"));
            Decision exceeded = decide(fourDeep, request("p", "a", "s"));
            assertFalse(exceeded.allow(), "11^4 iterations exceed the bound of " + ConditionCompiler.MAX_ITERATIONS);
            assertTrue(exceeded.reason().contains("could not be evaluated"), exceeded.reason());
        }

        @Test
        void listsRangeIsNotOffered() {
            assertFalse(EngineFixture.COMPILER.check(EngineFixture.policy("""
                    {"id": "p", "service": "s", "rules": [{"name": "r", "effect": "allow", "roles": ["*"],
                      "actions": ["*"], "condition": "lists.range(1000000000).size() > 0"}]}""")).isEmpty());
        }
    }
}
