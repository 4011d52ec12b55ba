package dev.arbiter.server.cli.suite;

import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.RuleExplanation;
import dev.arbiter.server.engine.Shadow;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which rules the tests exercised. A rule is a <em>candidate</em> in a check when its
 * principals (or roles), actions and kinds all match the request, so its condition is evaluated;
 * it <em>decides</em> a check when it is the rule the decision names (for a dry-run policy: the
 * rule its shadow decision names). A rule that decided some check is covered; the others are
 * reported as never a candidate, or as a candidate that never decided (its condition never held,
 * or an earlier rule always decided first).
 *
 * @param rules every rule of the repository, as {@code policy/rule}
 */
public record RuleCoverage(int rules, List<String> neverCandidate, List<String> neverDecided) {

    public static RuleCoverage of(List<Policy> policies, List<SuiteResult> results) {
        Set<String> candidates = new HashSet<>();
        Set<String> decided = new HashSet<>();
        for (SuiteResult suite : results) {
            for (TestResult test : suite.tests()) {
                for (CheckResult check : test.checks()) {
                    for (RuleExplanation rule : check.explanation().rules()) {
                        if (rule.condition() != null) {
                            candidates.add(rule.policy() + "/" + rule.rule());
                        }
                    }
                    addDeciding(check.decision(), decided);
                }
            }
        }
        List<String> neverCandidate = new ArrayList<>();
        List<String> neverDecided = new ArrayList<>();
        int rules = 0;
        for (Policy policy : policies.stream().sorted(Comparator.comparing(Policy::id)).toList()) {
            for (Rule rule : policy.rules()) {
                rules++;
                String name = policy.id() + "/" + rule.name();
                if (!candidates.contains(name)) {
                    neverCandidate.add(name);
                } else if (!decided.contains(name)) {
                    neverDecided.add(name);
                }
            }
        }
        return new RuleCoverage(rules, neverCandidate, neverDecided);
    }

    /** How many rules decided at least one check. */
    public int covered() {
        return rules - neverCandidate.size() - neverDecided.size();
    }

    private static void addDeciding(Decision decision, Set<String> decided) {
        if (decision.policy() != null) {
            decided.add(decision.policy() + "/" + decision.rule());
        }
        Shadow shadow = decision.shadow();
        if (shadow != null && shadow.policy() != null) {
            decided.add(shadow.policy() + "/" + shadow.rule());
        }
    }
}
