package dev.arbiter.server.audit;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import java.util.UUID;

/**
 * A decision as the check path hands it to the log: references only, so creating it costs one
 * small object; masking and serialisation happen later, on the writer thread.
 *
 * @param decidedAtMicros when the decision was made, microseconds since the epoch; the decision id
 *     carries the same millisecond
 * @param caller the name of the key that asked
 * @param latencyMicros from when the request body was available to when the decision was made
 * @param api the front door that asked: {@code check}, {@code batch}, {@code authzen}, {@code ext_authz}
 * @param traceId the W3C trace id the request carried, or null
 */
public record DecisionRecord(UUID decisionId, long decidedAtMicros, CheckRequest request, Decision decision,
        String caller, int latencyMicros, String api, String traceId) {}
