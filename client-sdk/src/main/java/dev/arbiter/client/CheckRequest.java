package dev.arbiter.client;

import java.util.Map;
import java.util.Objects;

/**
 * One question for Arbiter, for batches and for checks with options:
 * {@code CheckRequest.of(principal, "charges:create", resource).context("sourceIp", ip).minRevision(42)}.
 *
 * @param actionAttr properties of the action (e.g. {@code soft: true} for a delete), which
 *     conditions read as {@code actionAttr}
 * @param minRevision decide only on policies at least this new (a revision answered by a policy
 *     write); 0 for any. A replica that is behind makes the client try another endpoint.
 */
public record CheckRequest(Principal principal, String action, Resource resource, Map<String, Object> context,
        Map<String, Object> actionAttr, long minRevision) {

    public CheckRequest {
        Objects.requireNonNull(principal, "principal");
        Checks.requireText(action, "action");
        Objects.requireNonNull(resource, "resource");
        context = JsonValues.object(context, "context");
        actionAttr = JsonValues.object(actionAttr, "actionAttr");
        if (minRevision < 0) {
            throw new IllegalArgumentException("minRevision must not be negative, not " + minRevision);
        }
    }

    /** A request whose action has no properties. */
    public CheckRequest(Principal principal, String action, Resource resource, Map<String, Object> context,
            long minRevision) {
        this(principal, action, resource, context, Map.of(), minRevision);
    }

    public static CheckRequest of(Principal principal, String action, Resource resource) {
        return new CheckRequest(principal, action, resource, Map.of(), Map.of(), 0);
    }

    /** This request with the context entry {@code key} set to {@code value}. */
    public CheckRequest context(String key, Object value) {
        return new CheckRequest(principal, action, resource, JsonValues.with(context, key, value, "context"),
                actionAttr, minRevision);
    }

    /** This request with every entry of {@code entries} added to its context. */
    public CheckRequest context(Map<String, ?> entries) {
        return new CheckRequest(principal, action, resource, JsonValues.withAll(context, entries, "context"),
                actionAttr, minRevision);
    }

    /** This request with the action property {@code key} set to {@code value}. */
    public CheckRequest actionAttr(String key, Object value) {
        return new CheckRequest(principal, action, resource, context,
                JsonValues.with(actionAttr, key, value, "actionAttr"), minRevision);
    }

    public CheckRequest minRevision(long minRevision) {
        return new CheckRequest(principal, action, resource, context, actionAttr, minRevision);
    }
}
