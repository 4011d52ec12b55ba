package dev.arbiter.server.audit.query;

import java.time.Instant;

/**
 * Which records a query, an export or the statistics look at; every null component means "any".
 *
 * @param from decided at or after
 * @param to decided before
 * @param resource the resource id
 * @param minLatencyMicros latency at least this
 * @param api the front door ({@code check}, {@code batch}, {@code authzen}, {@code ext_authz})
 * @param traceId the W3C trace id the request carried
 */
public record DecisionFilter(Instant from, Instant to, String principal, String service, String action,
        Boolean allow, String policy, String rule, String caller, String resource, Integer minLatencyMicros,
        String api, String traceId) {

    public static final DecisionFilter ALL =
            new DecisionFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** This filter over the time range [from, to). */
    public DecisionFilter between(Instant from, Instant to) {
        return new DecisionFilter(from, to, principal, service, action, allow, policy, rule, caller, resource,
                minLatencyMicros, api, traceId);
    }
}
