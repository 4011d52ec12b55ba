package dev.arbiter.server.audit;

import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A decision handed over by the check path, seen as the columns it will be stored as: masked and
 * made storable as each column is read, its input encoded straight into the tuple being built, so
 * that writing a record builds no intermediate copy of it.
 */
public final class PendingRecord implements LogColumns {

    private final DecisionRecord record;
    private final UUID batchId;
    private final AuditMask mask;

    public PendingRecord(DecisionRecord record, UUID batchId, AuditMask mask) {
        this.record = record;
        this.batchId = batchId;
        this.mask = mask;
    }

    private CheckRequest request() {
        return record.request();
    }

    private Decision decision() {
        return record.decision();
    }

    @Override
    public UUID decisionId() {
        return record.decisionId();
    }

    @Override
    public long decidedAtMicros() {
        return record.decidedAtMicros();
    }

    @Override
    public String principalId() {
        return LogText.clean(request().principal().id());
    }

    @Override
    public List<String> principalRoles() {
        List<String> roles = request().principal().roles();
        List<String> cleaned = new ArrayList<>(roles.size());
        roles.forEach(role -> cleaned.add(LogText.clean(role)));
        return cleaned;
    }

    @Override
    public String action() {
        return LogText.clean(request().action());
    }

    @Override
    public String resourceService() {
        return LogText.clean(request().resource().service());
    }

    @Override
    public String resourceKind() {
        return LogText.clean(request().resource().kind());
    }

    @Override
    public String resourceId() {
        return LogText.clean(request().resource().id());
    }

    @Override
    public boolean allow() {
        return decision().allow();
    }

    @Override
    public String policy() {
        return LogText.clean(decision().policy());
    }

    @Override
    public String rule() {
        return LogText.clean(decision().rule());
    }

    @Override
    public long revision() {
        return decision().revision();
    }

    @Override
    public String reason() {
        return LogText.clean(decision().reason());
    }

    @Override
    public String caller() {
        return LogText.clean(record.caller());
    }

    @Override
    public int latencyMicros() {
        return record.latencyMicros();
    }

    @Override
    public void writeInput(ByteSink out) {
        CheckCodec.write(request(), mask, LogText::clean, out);
    }

    @Override
    public String shadow() {
        return ShadowJson.write(decision().shadow());
    }

    @Override
    public UUID batchId() {
        return batchId;
    }

    @Override
    public String api() {
        return record.api();
    }

    @Override
    public String traceId() {
        return LogText.clean(record.traceId());
    }
}
