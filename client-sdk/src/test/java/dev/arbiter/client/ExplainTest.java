package dev.arbiter.client;

import static dev.arbiter.client.testing.DesignExample.CHECKOUT;
import static dev.arbiter.client.testing.DesignExample.chargeCheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.client.testing.DesignExample;
import dev.arbiter.server.testing.ArbiterExtension;
import dev.arbiter.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Explained decisions and the shadow of dry-run policies, against a real server. */
class ExplainTest {

    @RegisterExtension
    static final ArbiterExtension arbiter = new ArbiterExtension();

    static ArbiterAdmin admin;
    static String checkToken;

    @BeforeAll
    static void writePolicies() {
        admin = ArbiterAdmin.builder().endpoint(arbiter.server().baseUrl()).token(TestServer.ADMIN_TOKEN).build();
        admin.policies().put(DesignExample.policy());
        admin.policies().put(Policy.of("ledger-strict", "ledger").mode(PolicyMode.DRY_RUN)
                .rules(Rule.deny("no-large-entries").roles("*").actions("entries:write")
                        .condition("resource.attr.amount > 100")));
        admin.policies().put(Policy.of("ledger", "ledger")
                .rules(Rule.allow("bookkeepers-write").roles("bookkeeper").actions("entries:write"),
                        Rule.deny("no-foreign-ledgers").roles("*").actions("entries:*")
                                .condition("resource.attr.owner != principal.id")));
        checkToken = admin.keys().create("explainer", KeyRole.CHECK).token();
    }

    static ArbiterClient client(ArbiterClient.Builder builder) {
        return builder.endpoints(arbiter.server().baseUrl()).token(checkToken).timeout(Duration.ofSeconds(10))
                .build();
    }

    static CheckRequest entry(long amount, String owner) {
        Resource entry = Resource.of("ledger", "entry", "e1").attr("amount", amount);
        return CheckRequest.of(Principal.of("bob").roles("bookkeeper"), "entries:write",
                owner == null ? entry : entry.attr("owner", owner));
    }

    @Test
    void explainSaysHowEveryRuleFared() {
        try (ArbiterClient client = client(ArbiterClient.builder())) {
            Decision decision = client.explain(chargeCheck(5000));
            assertTrue(decision.allow(), decision.reason());
            assertEquals(List.of(
                    new RuleExplanation("payments-api", "checkout-can-charge", Effect.ALLOW, false, true, true, true,
                            RuleExplanation.Outcome.TRUE, null),
                    new RuleExplanation("payments-api", "no-cross-env-refunds", Effect.DENY, false, true, false, true,
                            RuleExplanation.Outcome.NOT_EVALUATED, null)), decision.explain());
            assertTrue(decision.explain().get(0).candidate());
            assertFalse(decision.explain().get(1).candidate());
            assertTrue(client.check(chargeCheck(5000)).explain().isEmpty(), "only asked-for explanations");
        }
    }

    @Test
    void aConditionErrorIsExplainedWithItsMessage() {
        try (ArbiterClient client = client(ArbiterClient.builder())) {
            Decision decision = client.explain(entry(50, null));
            assertFalse(decision.allow(), "an erroring deny rule denies");
            RuleExplanation foreign = decision.explain().stream()
                    .filter(rule -> rule.rule().equals("no-foreign-ledgers")).findFirst().orElseThrow();
            assertEquals(RuleExplanation.Outcome.ERROR, foreign.condition());
            assertTrue(foreign.error().contains("owner"), foreign.error());
        }
    }

    @Test
    void dryRunPoliciesShowInTheShadowAndTheExplanation() {
        try (ArbiterClient client = client(ArbiterClient.builder())) {
            Decision large = client.check(entry(500, "bob"));
            assertTrue(large.allow(), "a dry-run policy never changes the decision");
            assertEquals(new Shadow(false, "ledger-strict", "no-large-entries"), large.shadow());
            assertNull(client.check(entry(50, "bob")).shadow(), "no shadow when dry-run policies agree");

            RuleExplanation dryRun = client.explain(entry(500, "bob")).explain().stream()
                    .filter(RuleExplanation::dryRun).findFirst().orElseThrow();
            assertEquals("no-large-entries", dryRun.rule());
            assertEquals(RuleExplanation.Outcome.TRUE, dryRun.condition());
        }
    }

    @Test
    void explainBypassesTheCache() {
        try (ArbiterClient client = client(ArbiterClient.builder().cache(CacheSettings.defaults()))) {
            Decision checked = client.check(chargeCheck(5000));
            Decision explained = client.explain(chargeCheck(5000));
            assertFalse(explained.cached());
            assertNotEquals(checked.decisionId(), explained.decisionId(), "decided and logged again");
            assertFalse(explained.explain().isEmpty());
            assertTrue(client.check(chargeCheck(5000)).cached(), "the cache still holds the plain decision");
        }
    }

    @Test
    void explainThrowsForACallersBugAndFailsClosedWithoutAServer() {
        String auditor = admin.keys().create("explain-auditor", KeyRole.AUDITOR).token();
        try (ArbiterClient forbidden = ArbiterClient.builder().endpoints(arbiter.server().baseUrl()).token(auditor)
                .build()) {
            ArbiterApiException thrown = assertThrows(ArbiterApiException.class,
                    () -> forbidden.explain(chargeCheck(1)));
            assertEquals(403, thrown.status());
            assertEquals("forbidden", thrown.code());
        }
        try (ArbiterClient nowhere = ArbiterClient.builder().endpoints("http://127.0.0.1:1").token(checkToken)
                .build()) {
            Decision decision = nowhere.explain(CheckRequest.of(CHECKOUT, "charges:create",
                    DesignExample.charge(1)));
            assertTrue(decision.failedClosed());
            assertTrue(decision.explain().isEmpty());
        }
    }
}
