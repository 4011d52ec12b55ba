package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.sync.Readiness;
import io.vertx.ext.web.RoutingContext;

/**
 * Liveness and readiness probes; neither needs a token nor touches the database. A degraded
 * replica (database unreachable, deciding on the policies loaded last) is not ready, unless the
 * probe asks with {@code ?allowDegraded=true}: load balancers that should keep such replicas in
 * rotation during a database outage use that form.
 */
final class HealthHandler {

    private final Readiness readiness;
    private final DecisionEngine engine;

    HealthHandler(Readiness readiness, DecisionEngine engine) {
        this.readiness = readiness;
        this.engine = engine;
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
        boolean serving = status == Readiness.Status.READY
                || (status == Readiness.Status.DEGRADED && "true".equals(ctx.queryParams().get("allowDegraded")));
        Responses.json(ctx, serving ? 200 : 503, json);
    }
}
