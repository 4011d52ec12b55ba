package dev.arbiter.server.authzen;

import java.util.List;
import java.util.Map;

/**
 * An AuthZEN request as read, before it is checked for what its endpoint requires: every member
 * may be absent (null). Properties and context hold CEL-ready values.
 *
 * @param evaluations the items of an evaluations request; null when the member is absent
 * @param semantic {@code options.evaluations_semantic}, null when absent
 * @param explain {@code options.arbiter_explain}: answer with the decision's context
 */
public record AuthzenRequest(Item defaults, List<Item> evaluations, Semantic semantic, boolean explain, Page page) {

    /** A subject or a resource. */
    public record Entity(String type, String id, Map<String, Object> properties) {}

    public record Action(String name, Map<String, Object> properties) {}

    /** The four members of an evaluation, each null when absent. */
    public record Item(Entity subject, Action action, Entity resource, Map<String, Object> context) {

        /** This item with every absent member taken, whole, from {@code defaults}. */
        Item over(Item defaults) {
            return new Item(subject != null ? subject : defaults.subject,
                    action != null ? action : defaults.action,
                    resource != null ? resource : defaults.resource,
                    context != null ? context : defaults.context);
        }
    }

    /** A search's page: the token of the previous answer, and how many results at most. */
    public record Page(String token, Integer limit) {

        static final Page FIRST = new Page(null, null);
    }

    /** How an evaluations request runs its items. */
    public enum Semantic {
        EXECUTE_ALL("execute_all"),
        DENY_ON_FIRST_DENY("deny_on_first_deny"),
        PERMIT_ON_FIRST_PERMIT("permit_on_first_permit");

        final String json;

        Semantic(String json) {
            this.json = json;
        }

        /** Whether, after an item decided {@code allow}, the rest is not evaluated. */
        boolean stopsAfter(boolean allow) {
            return this == DENY_ON_FIRST_DENY ? !allow : this == PERMIT_ON_FIRST_PERMIT && allow;
        }
    }
}
