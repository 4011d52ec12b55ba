package dev.arbiter.server.audit;

import java.util.List;
import java.util.UUID;

/**
 * One record of the decision log as read back from the table: what queries, exports and
 * verification (which encodes it again, to hash it) read.
 *
 * @param policy the deciding policy, null on default deny
 * @param rule the deciding rule, null on default deny
 * @param input the request as JSON text, with masked paths
 * @param shadow what dry-run policies would have decided, as JSON text, or null
 * @param batchId the flushed batch the record belongs to; null only for records written by others
 * @param api the front door that asked ({@code check}, {@code batch}, {@code authzen}, {@code ext_authz});
 *     null for records written before it was recorded
 * @param traceId the W3C trace id the request carried, or null
 */
public record LoggedDecision(UUID decisionId, long decidedAtMicros, String principalId, List<String> principalRoles,
        String action, String resourceService, String resourceKind, String resourceId, boolean allow, String policy,
        String rule, long revision, String reason, String caller, int latencyMicros, String input, String shadow,
        UUID batchId, String api, String traceId) implements LogColumns {

    @Override
    public void writeInput(ByteSink out) {
        out.putUtf8(input);
    }
}
