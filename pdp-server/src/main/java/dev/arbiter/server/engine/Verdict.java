package dev.arbiter.server.engine;

/**
 * Folds the condition outcomes of candidate rules, taken in decision order, into a decision:
 * the first deny whose condition is true or fails denies; else the first allow whose condition
 * is true allows; else the default is deny. One per decision; not thread-safe.
 */
final class Verdict {

    private CompiledRule deniedBy;
    private ConditionResult.Failed denyFailure;
    private CompiledRule allowedBy;
    private CompiledRule failedAllow;
    private ConditionResult.Failed allowFailure;

    /** Whether {@code rule}'s outcome could still change this verdict, so it is worth evaluating. */
    boolean needs(CompiledRule rule) {
        return deniedBy == null && (rule.isDeny() || allowedBy == null);
    }

    /** Whether no later rule can change this verdict. */
    boolean isFinal() {
        return deniedBy != null;
    }

    /** Takes one candidate's outcome; outcomes that can no longer matter are ignored. */
    void add(CompiledRule rule, ConditionResult result) {
        if (!needs(rule)) {
            return;
        }
        if (rule.isDeny()) {
            if (result.isTrue() || result.isError()) {
                deniedBy = rule;
                denyFailure = result instanceof ConditionResult.Failed failed ? failed : null;
            }
        } else if (result.isTrue()) {
            allowedBy = rule;
        } else if (failedAllow == null && result instanceof ConditionResult.Failed failed) {
            failedAllow = rule;
            allowFailure = failed;
        }
    }

    Decision decision(CheckRequest request, long revision) {
        if (deniedBy != null) {
            String reason = "denied by " + name(deniedBy);
            if (denyFailure != null) {
                reason += ": its condition failed (" + denyFailure.message() + ") and deny rules fail closed";
            }
            return new Decision(false, deniedBy.policyId(), deniedBy.name(), revision, reason);
        }
        if (allowedBy != null) {
            return new Decision(true, allowedBy.policyId(), allowedBy.name(), revision, "allowed by " + name(allowedBy));
        }
        String reason = "denied by default: no rule allows " + request.action() + " on service "
                + request.resource().service();
        if (failedAllow != null) {
            reason += " (allow rule " + name(failedAllow) + " could not be evaluated: " + allowFailure.message() + ")";
        }
        return new Decision(false, null, null, revision, reason);
    }

    private static String name(CompiledRule rule) {
        return rule.policyId() + "/" + rule.name();
    }
}
