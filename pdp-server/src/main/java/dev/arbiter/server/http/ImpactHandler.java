package dev.arbiter.server.http;

import dev.arbiter.server.service.ImpactService;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code POST /v1/policies/_impact}: which logged decisions the candidate policies would flip.
 * Writes nothing.
 */
final class ImpactHandler {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 100_000;
    static final int DEFAULT_MAX_FLIPS = 100;
    static final int MAX_MAX_FLIPS = 1_000;

    private static final Set<String> PARAMS = DecisionParams.with(DecisionParams.FILTERS, "limit", "maxFlips");

    private final ImpactService impact;

    ImpactHandler(ImpactService impact) {
        this.impact = impact;
    }

    void impact(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), PARAMS);
        ImpactService.Scope scope = new ImpactService.Scope(params.filter(),
                orDefault(params.integer("limit", 1, MAX_LIMIT), DEFAULT_LIMIT),
                orDefault(params.integer("maxFlips", 0, MAX_MAX_FLIPS), DEFAULT_MAX_FLIPS));
        impact.preview(Bodies.policies(ctx), scope)
                .onSuccess(found -> Responses.json(ctx, 200, ImpactJson.write(found)))
                .onFailure(ctx::fail);
    }

    private static int orDefault(Integer given, int fallback) {
        return given == null ? fallback : given;
    }
}
