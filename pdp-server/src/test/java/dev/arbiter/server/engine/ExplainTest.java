package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.engine;
import static dev.arbiter.server.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.model.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExplainTest {

    static final String ORG = """
            {"id": "a-org", "service": "*", "rules": [
              {"name": "no-deletes", "effect": "deny", "roles": ["*"], "actions": ["*:delete"],
               "condition": "resource.attr.protected"}]}""";
    static final String DOCS = """
            {"id": "docs", "service": "docs", "rules": [
              {"name": "editors-edit", "effect": "allow", "roles": ["editor"], "actions": ["doc:*"], "kinds": ["doc"],
               "condition": "principal.attr.team == resource.attr.team"},
              {"name": "bot-reads", "effect": "allow", "principals": ["spiffe://bot"], "actions": ["doc:read"]}]}""";
    static final String SHADOWED = """
            {"id": "z-trial", "service": "docs", "mode": "dry_run", "rules": [
              {"name": "bots-read-nothing", "effect": "deny", "principals": ["spiffe://*"], "actions": ["doc:read"]}]}""";

    final DecisionEngine engine = engine(ORG, DOCS, SHADOWED);

    private static RuleExplanation rule(Explanation explanation, String name) {
        return explanation.rules().stream().filter(rule -> rule.rule().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRuleOfTheApplyingPoliciesInDecisionOrder() {
        Explanation explanation = EngineFixture.explain(engine, request("u", "doc:read", "docs").build());
        assertEquals(List.of("a-org/no-deletes", "docs/editors-edit", "docs/bot-reads", "z-trial/bots-read-nothing"),
                explanation.rules().stream().map(rule -> rule.policy() + "/" + rule.rule()).toList());
        assertEquals(List.of(false, false, false, true),
                explanation.rules().stream().map(RuleExplanation::dryRun).toList());
        assertEquals(List.of("a-org/no-deletes"), EngineFixture.explain(engine, request("u", "doc:read", "billing").build()).rules()
                .stream().map(rule -> rule.policy() + "/" + rule.rule()).toList(), "only the org-wide policy applies");
    }

    @Test
    void explainsAnAllow() {
        Explanation explanation = EngineFixture.explain(engine, request("u", "doc:edit", "docs").roles("editor").kind("doc")
                .principalAttr("team", "red").resourceAttr("team", "red").build());
        assertTrue(explanation.decision().allow());
        assertEquals("editors-edit", explanation.decision().rule());
        RuleExplanation editors = rule(explanation, "editors-edit");
        assertEquals(Effect.ALLOW, editors.effect());
        assertTrue(editors.principalMatched() && editors.actionMatched() && editors.kindMatched());
        assertEquals(ConditionResult.TRUE, editors.condition());
        RuleExplanation org = rule(explanation, "no-deletes");
        assertFalse(org.actionMatched());
        assertTrue(org.principalMatched());
        assertNull(org.condition(), "not a candidate: not evaluated");
    }

    @Test
    void explainsADeny() {
        Explanation explanation = EngineFixture.explain(engine, request("u", "doc:delete", "docs").roles("editor").kind("doc")
                .principalAttr("team", "red").resourceAttr("team", "red").resourceAttr("protected", true).build());
        assertFalse(explanation.decision().allow());
        assertEquals("no-deletes", explanation.decision().rule());
        assertEquals(ConditionResult.TRUE, rule(explanation, "no-deletes").condition());
        assertEquals(ConditionResult.TRUE, rule(explanation, "editors-edit").condition(),
                "every candidate is evaluated, even after the decision is made");
    }

    @Test
    void explainsAConditionError() {
        Explanation explanation = EngineFixture.explain(engine, request("u", "doc:edit", "docs").roles("editor").kind("doc")
                .principalAttr("team", "red").build());
        assertFalse(explanation.decision().allow());
        ConditionResult condition = rule(explanation, "editors-edit").condition();
        assertTrue(condition.isError());
        assertTrue(((ConditionResult.Failed) condition).message().contains("team"), condition.toString());
    }

    @Test
    void explainsADefaultDenyWithTheMismatchesOfEachRule() {
        Explanation explanation = EngineFixture.explain(engine, request("u", "doc:edit", "docs").roles("viewer").kind("image").build());
        assertFalse(explanation.decision().allow());
        assertNull(explanation.decision().rule());
        RuleExplanation editors = rule(explanation, "editors-edit");
        assertFalse(editors.principalMatched());
        assertTrue(editors.actionMatched());
        assertFalse(editors.kindMatched());
        assertNull(editors.condition());
        RuleExplanation bot = rule(explanation, "bot-reads");
        assertFalse(bot.principalMatched());
        assertFalse(bot.actionMatched());
        assertTrue(bot.kindMatched(), "a rule without kinds matches every kind");
    }

    @Test
    void explainsTheShadowOfADryRunPolicy() {
        Explanation explanation = EngineFixture.explain(engine, request("spiffe://bot", "doc:read", "docs").build());
        assertTrue(explanation.decision().allow());
        assertEquals(new Shadow(false, "z-trial", "bots-read-nothing"), explanation.decision().shadow());
        assertEquals(ConditionResult.TRUE, rule(explanation, "bots-read-nothing").condition());
    }

    @Test
    void decidesExactlyAsDecideDoesOnManyRequests() {
        Random random = new Random(42);
        List<String> policies = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            policies.add(randomPolicy(random, p));
        }
        DecisionEngine many = engine(policies.toArray(String[]::new));
        int allowed = 0;
        int shadowed = 0;
        for (int i = 0; i < 3_000; i++) {
            CheckRequest request = randomRequest(random);
            Decision decided = EngineFixture.decide(many, request);
            assertEquals(decided, EngineFixture.explain(many, request).decision(), request.toString());
            allowed += decided.allow() ? 1 : 0;
            shadowed += decided.shadow() != null ? 1 : 0;
        }
        assertTrue(allowed > 100 && allowed < 2_900, "the requests exercise both outcomes: " + allowed);
        assertTrue(shadowed > 10, "the requests exercise shadows: " + shadowed);
    }

    private static final String[] SERVICES = {"s1", "s2", "*"};
    private static final String[] ACTIONS = {"read", "write", "delete", "admin:purge"};
    private static final String[] ACTION_PATTERNS = {"read", "write", "delete", "*", "admin:*", "re*"};
    private static final String[] ROLES = {"a", "b", "c"};
    private static final String[] KINDS = {"doc", "img", ""};
    private static final String[] CONDITIONS = {null, "true", "false", "resource.attr.level > 2",
        "principal.attr.level >= resource.attr.level", "has(resource.attr.level) && resource.attr.level == 1",
        "resource.attr.flag"};

    private static String randomPolicy(Random random, int index) {
        StringBuilder rules = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int r = 0; r < count; r++) {
            String condition = pick(random, CONDITIONS);
            rules.append(r == 0 ? "" : ",").append("""
                    {"name": "r%d", "effect": "%s", "roles": ["%s"], "actions": ["%s"]%s%s}"""
                    .formatted(r, random.nextInt(3) == 0 ? "deny" : "allow",
                            random.nextInt(4) == 0 ? "*" : pick(random, ROLES), pick(random, ACTION_PATTERNS),
                            random.nextBoolean() ? ", \"kinds\": [\"" + pick(random, KINDS) + "*\"]" : "",
                            condition == null ? "" : ", \"condition\": \"" + condition + "\""));
        }
        return """
                {"id": "p%02d", "service": "%s", "mode": "%s", "rules": [%s]}"""
                .formatted(index, pick(random, SERVICES), random.nextInt(4) == 0 ? "dry_run" : "enforce", rules);
    }

    private static CheckRequest randomRequest(Random random) {
        EngineFixture.RequestBuilder request = request("p", pick(random, ACTIONS), pick(random, SERVICES))
                .roles(pick(random, ROLES)).kind(pick(random, KINDS));
        if (random.nextBoolean()) {
            request.resourceAttr("level", (long) random.nextInt(4));
        }
        if (random.nextBoolean()) {
            request.principalAttr("level", (long) random.nextInt(4));
        }
        if (random.nextInt(3) > 0) {
            request.resourceAttr("flag", random.nextInt(3) == 0 ? "not a bool" : random.nextBoolean());
        }
        return request.build();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
