package dev.arbiter.server.engine;

import dev.arbiter.store.Policy;
import java.time.Clock;

/**
 * Decides checks against the current {@link PolicySet}, which is swapped atomically on change.
 * Plain Java, thread-safe, never blocks.
 *
 * <p>Semantics: a rule of a policy for the resource's service or for "*" is a candidate when its
 * action, principal and kind match. Any candidate deny rule whose condition is true or fails
 * denies; otherwise any candidate allow rule whose condition is true allows; otherwise the
 * default is deny. The rule reported is the first deciding one in (policy id, position) order.
 */
public final class DecisionEngine {

    private final Clock clock;
    private volatile PolicySet policies = PolicySet.empty();

    public DecisionEngine(Clock clock) {
        this.clock = clock;
    }

    public PolicySet policies() {
        return policies;
    }

    /** Makes {@code next} the set every later decision sees. */
    public void install(PolicySet next) {
        policies = next;
    }

    public Decision decide(CheckRequest request) {
        PolicySet current = policies;
        String action = request.action();
        CompiledRule[] own = current.rulesOf(request.resource().service()).candidatesFor(action);
        CompiledRule[] everyService = current.rulesOf(Policy.EVERY_SERVICE).candidatesFor(action);
        ConditionInput input = null;
        CompiledRule allowedBy = null;
        CompiledRule failedAllow = null;
        ConditionResult.Failed allowFailure = null;
        int i = 0;
        int j = 0;
        while (i < own.length || j < everyService.length) {
            CompiledRule rule = j >= everyService.length || (i < own.length && own[i].precedes(everyService[j]))
                    ? own[i++]
                    : everyService[j++];
            if ((!rule.isDeny() && allowedBy != null) || !rule.isCandidate(request)) {
                continue;
            }
            if (input == null) {
                input = new ConditionInput(request, clock.instant());
            }
            ConditionResult result = rule.evaluate(input);
            if (rule.isDeny()) {
                if (result.isTrue()) {
                    return decided(false, rule, current, "denied by " + ruleName(rule));
                }
                if (result instanceof ConditionResult.Failed failed) {
                    return decided(false, rule, current, "denied by " + ruleName(rule)
                            + ": its condition failed (" + failed.message() + ") and deny rules fail closed");
                }
            } else if (result.isTrue()) {
                allowedBy = rule;
            } else if (failedAllow == null && result instanceof ConditionResult.Failed failed) {
                failedAllow = rule;
                allowFailure = failed;
            }
        }
        if (allowedBy != null) {
            return decided(true, allowedBy, current, "allowed by " + ruleName(allowedBy));
        }
        return new Decision(false, null, null, current.revision(), defaultDenyReason(request, failedAllow, allowFailure));
    }

    private static Decision decided(boolean allow, CompiledRule rule, PolicySet policies, String reason) {
        return new Decision(allow, rule.policyId(), rule.name(), policies.revision(), reason);
    }

    private static String ruleName(CompiledRule rule) {
        return rule.policyId() + "/" + rule.name();
    }

    private static String defaultDenyReason(CheckRequest request, CompiledRule failedAllow,
            ConditionResult.Failed failure) {
        String reason = "denied by default: no rule allows " + request.action() + " on service "
                + request.resource().service();
        if (failedAllow != null) {
            reason += " (allow rule " + ruleName(failedAllow) + " could not be evaluated: " + failure.message() + ")";
        }
        return reason;
    }
}
