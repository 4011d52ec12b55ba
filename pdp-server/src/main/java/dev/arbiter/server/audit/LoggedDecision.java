package dev.arbiter.server.audit;

import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One record of the decision log as stored: what the writer hashes and copies into the
 * database, and what queries, exports and verification read back.
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
        UUID batchId, String api, String traceId) {

    /** Masks and serialises a record handed over by the check path. */
    public static LoggedDecision of(DecisionRecord record, UUID batchId, AuditMask mask) {
        CheckRequest request = record.request();
        Decision decision = record.decision();
        List<String> roles = new ArrayList<>(request.principal().roles().size());
        for (String role : request.principal().roles()) {
            roles.add(LogText.clean(role));
        }
        return new LoggedDecision(record.decisionId(), record.decidedAtMicros(),
                LogText.clean(request.principal().id()), roles, LogText.clean(request.action()),
                LogText.clean(request.resource().service()), LogText.clean(request.resource().kind()),
                LogText.clean(request.resource().id()), decision.allow(), LogText.clean(decision.policy()),
                LogText.clean(decision.rule()), decision.revision(), LogText.clean(decision.reason()),
                LogText.clean(record.caller()), record.latencyMicros(), CheckCodec.write(request, mask, LogText::clean),
                ShadowJson.write(decision.shadow()),
                batchId, record.api(), LogText.clean(record.traceId()));
    }
}
