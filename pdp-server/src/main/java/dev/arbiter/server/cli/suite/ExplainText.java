package dev.arbiter.server.cli.suite;

import dev.arbiter.server.engine.ConditionResult;
import dev.arbiter.server.engine.Explanation;
import dev.arbiter.server.engine.RuleExplanation;
import java.util.ArrayList;
import java.util.List;

/** An explained decision in words, one line per rule of the applying policies, in decision order. */
final class ExplainText {

    private ExplainText() {}

    static List<String> lines(Explanation explanation) {
        List<String> lines = new ArrayList<>();
        if (explanation.rules().isEmpty()) {
            lines.add("no policy applies to the resource's service");
        }
        for (RuleExplanation rule : explanation.rules()) {
            String name = rule.policy() + "/" + rule.rule() + " (" + rule.effect().json()
                    + (rule.dryRun() ? ", dry run" : "")
                    + "): ";
            lines.add(name + (rule.condition() == null ? notCandidate(rule) : "a candidate, condition "
                    + outcome(rule.condition())));
        }
        return lines;
    }

    private static String notCandidate(RuleExplanation rule) {
        List<String> unmatched = new ArrayList<>();
        if (!rule.principalMatched()) {
            unmatched.add("principal");
        }
        if (!rule.actionMatched()) {
            unmatched.add("action");
        }
        if (!rule.kindMatched()) {
            unmatched.add("kind");
        }
        return "not a candidate: its " + String.join(", ", unmatched) + (unmatched.size() == 1 ? " does" : " do")
                + " not match";
    }

    private static String outcome(ConditionResult result) {
        if (result instanceof ConditionResult.Failed failed) {
            return "failed: " + failed.message();
        }
        return Boolean.toString(result.isTrue());
    }
}
