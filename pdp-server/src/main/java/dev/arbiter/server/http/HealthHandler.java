package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.audit.write.AuditStatus;
import dev.arbiter.server.service.HealthService;
import io.vertx.ext.web.RoutingContext;

/**
 * Liveness and readiness probes (with the decision log's counters); neither needs a token nor touches
 * the database. A degraded replica (database unreachable, deciding on the policies loaded last) is
 * not ready, unless the probe asks with {@code ?allowDegraded=true}: load balancers that should keep
 * such replicas in rotation during a database outage use that form.
 */
final class HealthHandler {

    private final HealthService health;

    HealthHandler(HealthService health) {
        this.health = health;
    }

    void live(RoutingContext ctx) {
        ObjectNode json = Responses.object();
        json.put("status", "live");
        Responses.json(ctx, 200, json);
    }

    void ready(RoutingContext ctx) {
        HealthService.Health now = health.health();
        ObjectNode json = Responses.object();
        json.put("status", now.status());
        json.put("revision", now.revision());
        json.put("policies", now.policies());
        if (now.reason() != null) {
            json.put("reason", now.reason());
        }
        audit(json.putObject("audit"), now.audit());
        json.put("version", now.build().version());
        json.put("commit", now.build().commit());
        boolean serving = now.serving("true".equals(ctx.queryParams().get("allowDegraded")));
        Responses.json(ctx, serving ? 200 : 503, json);
    }

    private static void audit(ObjectNode json, AuditStatus audit) {
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
