package dev.arbiter.server.engine;

/**
 * The engine's answer.
 *
 * @param policy the id of the deciding policy, or null on default deny
 * @param rule the name of the deciding rule, or null on default deny
 * @param revision the store revision of the policies the decision was made on
 * @param reason why, for a person
 * @param shadow what dry-run policies would have decided instead, or null when they agree
 */
public record Decision(boolean allow, String policy, String rule, long revision, String reason, Shadow shadow) {

    /** A decision no dry-run policy disagrees with. */
    public Decision(boolean allow, String policy, String rule, long revision, String reason) {
        this(allow, policy, rule, revision, reason, null);
    }

    /** This decision, with the dry-run one recorded when it decides {@code allow} otherwise. */
    Decision shadowedBy(Decision dryRun) {
        if (dryRun.allow == allow) {
            return this;
        }
        return new Decision(allow, policy, rule, revision, reason, new Shadow(dryRun.allow, dryRun.policy, dryRun.rule));
    }
}
