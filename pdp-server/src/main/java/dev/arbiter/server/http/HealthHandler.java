package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.audit.AuditStatus;
import dev.arbiter.server.audit.DecisionLog;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.sync.Readiness;
import io.vertx.ext.web.RoutingContext;

/**
 * Liveness and readiness probes (with the decision log's counters); neither needs a token nor touches
 * the database. A degraded replica (database unreachable, deciding on the policies loaded last) is
 * not ready, unless the probe asks with {@code ?allowDegraded=true}: load balancers that should keep
 * such replicas in rotation during a database outage use that form.
 */
public final class HealthHandler {

    private final Readiness readiness;
    private final DecisionEngine engine;
    private final DecisionLog decisionLog;

    public HealthHandler(Readiness readiness, DecisionEngine engine, DecisionLog decisionLog) {
        this.readiness = readiness;
        this.engine = engine;
        this.decisionLog = decisionLog;
    }

    void live(RoutingContext ctx) {
        ObjectNode json = Responses.object();
        json.put("status", "live");
        Responses.json(ctx, 200, json);
    }

    void ready(RoutingContext ctx) {
        ObjectNode json = Responses.object();
        Readiness.Status status = readiness.status();
        json.put("status", status.json());
        json.put("revision", engine.policies().revision());
        json.put("policies", engine.policies().size());
        String reason = readiness.reason();
        if (reason != null) {
            json.put("reason", reason);
        }
        audit(json.putObject("audit"));
        boolean serving = status == Readiness.Status.READY
                || (status == Readiness.Status.DEGRADED && "true".equals(ctx.queryParams().get("allowDegraded")));
        Responses.json(ctx, serving ? 200 : 503, json);
    }

    /** The decision log's counters; informational, they never change readiness. */
    private void audit(ObjectNode json) {
        AuditStatus audit = decisionLog.status();
        json.put("state", audit.state());
        json.put("queued", audit.queued());
        json.put("written", audit.written());
        json.put("spilled", audit.spilled());
        json.put("spillPending", audit.spillPending());
        json.put("lost", audit.lost());
        json.put("refused", audit.refused());
        json.put("rejected", audit.rejected());
    }
}
