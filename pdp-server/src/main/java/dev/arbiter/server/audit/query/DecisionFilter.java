package dev.arbiter.server.audit.query;

import java.time.Instant;

/**
 * Which records a query, an export or the statistics look at; every null component means "any".
 *
 * @param from decided at or after
 * @param to decided before
 * @param resource the resource id
 * @param minLatencyMicros latency at least this
 */
public record DecisionFilter(Instant from, Instant to, String principal, String service, String action,
        Boolean allow, String policy, String rule, String caller, String resource, Integer minLatencyMicros) {

    public static final DecisionFilter ALL =
            new DecisionFilter(null, null, null, null, null, null, null, null, null, null, null);
}
