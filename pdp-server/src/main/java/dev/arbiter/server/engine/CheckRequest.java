package dev.arbiter.server.engine;

import java.util.Map;

/**
 * One question: may {@code principal} do {@code action} on {@code resource}?
 *
 * @param context free-form request context, CEL-ready values
 * @param actionAttr properties of the action (AuthZEN's {@code action.properties}), CEL-ready values
 * @param minRevision the oldest store revision the caller accepts a decision on; 0 for any
 */
public record CheckRequest(Principal principal, String action, Resource resource, Map<String, Object> context,
        Map<String, Object> actionAttr, long minRevision) {

    /** A request whose action has no properties. */
    public CheckRequest(Principal principal, String action, Resource resource, Map<String, Object> context,
            long minRevision) {
        this(principal, action, resource, context, RequestMap.empty(), minRevision);
    }
}
