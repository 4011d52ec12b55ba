package dev.arbiter.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyValidatorTest {

    private static Rule rule(String name, List<String> principals, List<String> roles, List<String> actions) {
        return new Rule(name, Effect.ALLOW, principals, roles, actions, List.of(), null);
    }

    private static Policy policy(String id, String service, Rule... rules) {
        return new Policy(id, service, "", PolicyMode.ENFORCE, List.of(rules));
    }

    private static List<String> paths(Policy policy) {
        return PolicyValidator.validate(policy).stream().map(Problem::path).toList();
    }

    @Test
    void aSoundPolicyHasNoProblems() {
        assertEquals(List.of(), PolicyValidator.validate(
                policy("payments-api", "payments", rule("r-1", List.of("svc"), List.of(), List.of("x")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_apply", "Upper", "-dash", "has space", "ünïcode", "a/b"})
    void badIdsAreRejected(String id) {
        assertEquals(List.of("id"), paths(policy(id, "s", rule("r", List.of(), List.of("*"), List.of("x")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "a.b_c-d", "x123456789"})
    void goodIdsAreAccepted(String id) {
        assertEquals(List.of(), paths(policy(id, "s", rule("r", List.of(), List.of("*"), List.of("x")))));
    }

    @Test
    void idsAreAtMost128Characters() {
        Rule r = rule("r", List.of(), List.of("*"), List.of("x"));
        assertEquals(List.of(), paths(policy("a".repeat(128), "s", r)));
        assertEquals(List.of("id"), paths(policy("a".repeat(129), "s", r)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pay*", "*x", "tab\there"})
    void badServicesAreRejected(String service) {
        assertEquals(List.of("service"), paths(policy("p", service, rule("r", List.of(), List.of("*"), List.of("x")))));
    }

    @Test
    void ruleProblemsNameTheRule() {
        List<Problem> problems = PolicyValidator.validate(policy("p", "s",
                rule("dup", List.of(), List.of("*"), List.of("x")),
                rule("dup", List.of(), List.of("*"), List.of("x")),
                rule("no-actions", List.of(), List.of("*"), List.of()),
                rule("nobody", List.of(), List.of(), List.of("x")),
                rule("Bad Name", List.of(""), List.of("*"), List.of("x"))));
        assertEquals(List.of("rules[1].name", "rules[2].actions", "rules[3]", "rules[4].name", "rules[4].principals[0]"),
                problems.stream().map(Problem::path).toList());
        assertEquals(List.of("dup", "no-actions", "nobody", "Bad Name", "Bad Name"),
                problems.stream().map(Problem::rule).toList());
    }

    @Test
    void blankConditionsAreRejected() {
        Rule blank = new Rule("r", Effect.DENY, List.of(), List.of("*"), List.of("x"), List.of(), "  ");
        List<Problem> problems = PolicyValidator.validate(policy("p", "s", blank));
        assertEquals("rules[0].condition", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("leave it out"));
    }
}
