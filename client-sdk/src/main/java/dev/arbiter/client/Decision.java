package dev.arbiter.client;

import java.util.List;

/**
 * Arbiter's answer to one check, or the client's own deny when no answer could be had.
 *
 * <p>A decision made by the server carries its {@code decisionId} (the key of its record in the
 * decision log) and the policy {@code revision} it was made on; {@code failure} is null. When the
 * client could not get a decision (timeout, unreachable servers, a 5xx, a malformed answer, an
 * open circuit breaker) it fails closed: {@code allow} is false, {@code failure} says why in a
 * word and {@code reason} in a sentence, {@code decisionId} is null and {@code revision} is
 * {@link #NO_REVISION}. {@code cached} marks a decision served from the client's cache: the
 * server made (and logged) it once, for an equal request.
 *
 * @param policy the deciding policy, null on default deny and when failed closed
 * @param rule the deciding rule, null on default deny and when failed closed
 * @param shadow what dry-run policies would have decided instead, or null when they agree
 * @param explain how every rule of the applying policies fared, for a decision from
 *     {@link ArbiterClient#explain}; empty otherwise
 */
public record Decision(boolean allow, String policy, String rule, String reason, String decisionId, long revision,
        boolean cached, Failure failure, Shadow shadow, List<RuleExplanation> explain) {

    /** The revision of a decision the server did not make. */
    public static final long NO_REVISION = -1;

    /** Why the client denied on its own. */
    public enum Failure {
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** No connection could be made or kept to any endpoint tried. */
        CONNECTION_FAILED,
        /** The server answered with a 5xx (or 429) status. */
        SERVER_ERROR,
        /** The server answered 200 with a body that is not a decision. */
        MALFORMED_ANSWER,
        /** Every endpoint failed repeatedly and its circuit breaker is open: the call was not sent. */
        CIRCUIT_OPEN,
        /** No endpoint tried holds the requested {@code minRevision} yet. */
        STALE_REPLICA,
        /** The calling thread was interrupted while it waited. */
        INTERRUPTED
    }

    public Decision {
        if (failure != null && allow) {
            throw new IllegalArgumentException("a decision the client made on its own is always a deny");
        }
        explain = List.copyOf(explain);
    }

    /** A deny made by the client because it got no decision from the server. */
    static Decision failedClosed(Failure failure, String why) {
        return new Decision(false, null, null, "fail closed: " + why, null, NO_REVISION, false, failure, null,
                List.of());
    }

    /** True when the client denied on its own, without a decision from the server. */
    public boolean failedClosed() {
        return failure != null;
    }

    /** This decision as served again from the client's cache. */
    Decision asCached() {
        return new Decision(allow, policy, rule, reason, decisionId, revision, true, failure, shadow, explain);
    }
}
