package dev.arbiter.server.engine;

import static dev.arbiter.server.engine.EngineFixture.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.store.model.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyLinterTest {

    static final PolicyLinter LINTER = new PolicyLinter(EngineFixture.COMPILER);

    private static List<Warning> warnings(String candidate, String... stored) {
        return warnings(DirectoryAttributes.NONE, candidate, stored);
    }

    private static List<Warning> warnings(DirectoryAttributes directory, String candidate, String... stored) {
        return LINTER.warnings(policy(candidate), Arrays.stream(stored).map(EngineFixture::policy).toList(),
                directory);
    }

    private static List<String> codesAndPaths(List<Warning> warnings) {
        return warnings.stream().map(warning -> warning.code() + " " + warning.problem().path()).toList();
    }

    private static String rule(String name, String effect, String scope, String condition) {
        return """
                {"name": "%s", "effect": "%s", %s%s}""".formatted(name, effect, scope,
                condition == null ? "" : ", \"condition\": \"" + condition + "\"");
    }

    private static String policyOf(String id, String service, String... rules) {
        return """
                {"id": "%s", "service": "%s", "rules": [%s]}""".formatted(id, service, String.join(",", rules));
    }

    @Nested
    class UnreachableRules {
        static final String EVERYONE_DELETES = "\"roles\": [\"*\"], \"actions\": [\"docs:delete\"]";

        @Test
        void anAllowCoveredByAnUnconditionalDenyCanNeverAllow() {
            List<Warning> warnings = warnings(policyOf("p", "s",
                    rule("admins-delete", "allow", "\"roles\": [\"admin\"], \"actions\": [\"docs:delete\"]", null),
                    rule("nobody-deletes", "deny", "\"roles\": [\"*\"], \"actions\": [\"docs:*\"]", null)));
            assertEquals(List.of("unreachable_rule rules[0]"), codesAndPaths(warnings));
            Problem problem = warnings.get(0).problem();
            assertEquals("admins-delete", problem.rule());
            assertTrue(problem.message().startsWith("can never allow: the unconditional deny rule p/nobody-deletes"),
                    problem.message());
        }

        @Test
        void anOrganisationWideDenyShadowsAServiceRule() {
            List<Warning> warnings = warnings(policyOf("p", "s", rule("r", "allow", EVERYONE_DELETES, "true")),
                    policyOf("org", "*", rule("freeze", "deny", "\"roles\": [\"*\"], \"actions\": [\"*\"]", null)));
            assertEquals(List.of("unreachable_rule rules[0]"), codesAndPaths(warnings));
            assertTrue(warnings.get(0).problem().message().contains("org/freeze"));
        }

        @Test
        void laterRulesOfTheSameOutcomeNeverDecide() {
            List<Warning> warnings = warnings(policyOf("p", "s",
                    rule("first-deny", "deny", EVERYONE_DELETES, null),
                    rule("second-deny", "deny", "\"roles\": [\"x\"], \"actions\": [\"docs:delete\"]", "true"),
                    rule("an-allow", "allow", "\"principals\": [\"spiffe://a/*\"], \"actions\": [\"docs:read\"]", null),
                    rule("later-allow", "allow", "\"principals\": [\"spiffe://a/b\"], \"actions\": [\"docs:read\"]",
                            "principal.attr.x == 1")));
            assertEquals(List.of("unreachable_rule rules[1]", "unreachable_rule rules[3]"), codesAndPaths(warnings));
            assertTrue(warnings.get(1).problem().message().startsWith(
                    "never decides: the unconditional allow rule p/an-allow comes first"));
        }

        @Test
        void staysSilentWhenNotCertain() {
            assertEquals(List.of(), warnings(policyOf("p", "s",
                    rule("conditional-deny", "deny", EVERYONE_DELETES, "resource.attr.locked"),
                    rule("allowed", "allow", EVERYONE_DELETES, null))), "the deny has a condition");
            assertEquals(List.of(), warnings(policyOf("p", "s",
                    rule("deny-docs", "deny", EVERYONE_DELETES + ", \"kinds\": [\"doc\"]", null),
                    rule("allowed", "allow", EVERYONE_DELETES, null))), "the deny covers fewer kinds");
            assertEquals(List.of(), warnings(policyOf("p", "s",
                    rule("deny-admins", "deny", "\"roles\": [\"admin\"], \"actions\": [\"docs:delete\"]", null),
                    rule("allowed", "allow", "\"roles\": [\"admin\", \"ops\"], \"actions\": [\"docs:delete\"]", null))),
                    "the deny covers fewer roles");
            assertEquals(List.of("unreachable_rule rules[0]"), codesAndPaths(warnings(policyOf("p", "s",
                    rule("allow-first", "allow", EVERYONE_DELETES, null),
                    rule("deny-later", "deny", EVERYONE_DELETES, null)))),
                    "the allow is overridden, but a deny after an allow still decides");
            assertEquals(List.of(), warnings(policyOf("p", "s", rule("r", "allow", EVERYONE_DELETES, null)),
                    """
                    {"id": "trial", "service": "s", "mode": "dry_run", "rules": [
                      {"name": "freeze", "effect": "deny", "roles": ["*"], "actions": ["*"]}]}"""),
                    "a dry-run deny changes no decision");
            assertEquals(List.of(), warnings(policyOf("p", "*", rule("r", "allow", EVERYONE_DELETES, null)),
                    policyOf("svc", "s", rule("freeze", "deny", "\"roles\": [\"*\"], \"actions\": [\"*\"]", null))),
                    "a service's deny does not cover an organisation-wide rule");
        }

        @Test
        void theStoredVersionOfTheCandidateIsReplacedNotCompared() {
            String freeze = policyOf("p", "s", rule("freeze", "deny", "\"roles\": [\"*\"], \"actions\": [\"*\"]", null));
            assertEquals(List.of(), warnings(policyOf("p", "s", rule("r", "allow", EVERYONE_DELETES, null)), freeze));
        }
    }

    @Nested
    class Attributes {
        static final String STORED = policyOf("payments-api", "payments", rule("charge", "allow",
                "\"roles\": [\"*\"], \"actions\": [\"charge\"]",
                "resource.attr.amount <= 10000 && principal.attr.env == resource.attr.env"));

        private static String candidate(String condition) {
            return policyOf("refunds", "payments", rule("refund", "allow",
                    "\"roles\": [\"*\"], \"actions\": [\"refund\"]", condition));
        }

        @Test
        void aNameCloseToOneAnotherRuleReadsIsAPossibleTypo() {
            List<Warning> warnings = warnings(candidate("resource.attr.env == 'prod' &&\\n resource.attr.ammount < 5"),
                    STORED);
            assertEquals(List.of("possible_typo rules[0].condition"), codesAndPaths(warnings));
            Problem problem = warnings.get(0).problem();
            assertEquals("no other rule for service payments or \"*\" reads resource.attr.ammount; did you mean"
                    + " resource.attr.amount, which payments-api/charge reads?", problem.message());
            assertEquals(2, problem.line());
            assertEquals(16, problem.column());
        }

        @Test
        void newAttributesAndSharedOnesAreNotTypos() {
            assertEquals(List.of(), warnings(candidate("resource.attr.amount < 5 && context.ticket != ''"), STORED));
            assertEquals(List.of(), warnings(candidate("principal.attr.department == 'finance'"), STORED));
            assertEquals(List.of(), warnings(candidate("resource.attr.ammount < 5"),
                    STORED.replace("\"payments\"", "\"billing\"")), "another service's attributes do not count");
        }

        private static DirectoryAttributes directoryHolding(String resourceService) {
            return DirectoryAttributes.of(Directory.EMPTY.with(
                    List.of(new DirectoryPrincipal("alice", "user", List.of(), Map.of("department", "finance"))),
                    List.of(), List.of(new DirectoryResource(resourceService, "charge", "c1", Map.of("ammount", 5L))),
                    List.of()));
        }

        @Test
        void aNameTheDirectoryHoldsIsAStoredFactNotATypo() {
            DirectoryAttributes directory = directoryHolding("payments");
            assertEquals(List.of(), warnings(directory, candidate("resource.attr.ammount < 5"), STORED));
            assertEquals(List.of("possible_typo rules[0].condition"), codesAndPaths(warnings(
                    directoryHolding("billing"), candidate("resource.attr.ammount < 5"), STORED)),
                    "another service's resources do not count");

            List<Warning> warnings = warnings(directory, candidate("principal.attr.deparment == 'finance'"), STORED);
            assertEquals(List.of("possible_typo rules[0].condition"), codesAndPaths(warnings));
            assertEquals("the directory holds no principal.attr.deparment and no other rule for service payments"
                    + " or \"*\" reads it; did you mean principal.attr.department, which the directory holds?",
                    warnings.get(0).problem().message());
        }

        @Test
        void anOrganisationWideCandidateIsComparedWithEveryService() {
            List<Warning> warnings = warnings(policyOf("org", "*", rule("r", "deny",
                    "\"roles\": [\"*\"], \"actions\": [\"*\"]", "principal.attr.evn == 'dev'")), STORED);
            assertEquals(List.of("possible_typo rules[0].condition"), codesAndPaths(warnings));
            assertTrue(warnings.get(0).problem().message().startsWith("no other rule for any service reads"));
        }

        @Test
        void membersPrincipalAndResourceNeverHaveAreReported() {
            List<Warning> warnings = warnings(candidate("principal.ids == 'x' || has(resource.kinds)"), STORED);
            assertEquals(List.of("unknown_field rules[0].condition", "unknown_field rules[0].condition"),
                    codesAndPaths(warnings));
            assertEquals("principal.ids is never present: principal has only attr, id, roles, type; reading it fails the"
                    + " evaluation (a deny rule then denies)", warnings.get(0).problem().message());
        }
    }
}
