package dev.arbiter.client;

/**
 * How one rule of the policies applying to a request fared, as {@link ArbiterClient#explain}
 * answers it, in decision order.
 *
 * @param dryRun whether the rule belongs to a dry-run policy (it then only shapes the shadow)
 * @param error the CEL error when {@code condition} is {@link Outcome#ERROR}, else null
 */
public record RuleExplanation(String policy, String rule, Effect effect, boolean dryRun, boolean principalMatched,
        boolean actionMatched, boolean kindMatched, Outcome condition, String error) {

    /** What the rule's condition gave; a rule without a condition gives {@link #TRUE}. */
    public enum Outcome implements Spelling {
        TRUE("true"),
        FALSE("false"),
        ERROR("error"),
        /** The rule was not a candidate: its principal, action or kind did not match. */
        NOT_EVALUATED("not_evaluated");

        private final String json;

        Outcome(String json) {
            this.json = json;
        }

        @Override
        public String json() {
            return json;
        }
    }

    /** Whether the rule was a candidate: principal, action and kind all matched. */
    public boolean candidate() {
        return principalMatched && actionMatched && kindMatched;
    }
}
