package dev.arbiter.server.http;

import dev.arbiter.server.audit.DecisionLog;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import java.util.UUID;

/**
 * Gives each decision its id and time and hands it to the decision log, without waiting. When
 * the log must keep every record (ARBITER_AUDIT_REQUIRED) and cannot, the decision is replaced
 * by a deny: fail closed.
 */
final class DecisionRecorder {

    static final String AUDIT_UNAVAILABLE = "audit unavailable";

    private final DecisionLog log;

    DecisionRecorder(DecisionLog log) {
        this.log = log;
    }

    /** @param receivedNanos {@link System#nanoTime()} when the request body was available */
    DecisionJson.Answer record(CheckRequest request, Decision decision, String caller, long receivedNanos) {
        long decidedAtMicros = Micros.now();
        UUID decisionId = DecisionIds.at(decidedAtMicros / 1_000);
        int latencyMicros = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - receivedNanos) / 1_000);
        if (log.record(new DecisionRecord(decisionId, decidedAtMicros, request, decision, caller, latencyMicros))) {
            return new DecisionJson.Answer(decisionId, decision);
        }
        return new DecisionJson.Answer(decisionId,
                new Decision(false, null, null, decision.revision(), AUDIT_UNAVAILABLE));
    }
}
