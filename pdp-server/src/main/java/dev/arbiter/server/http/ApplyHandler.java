package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.service.PolicyService;
import dev.arbiter.store.model.ApplyResult;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/policies/_apply[?dryRun=true][&ifUnchangedSince=n]}: makes the store equal to a
 * bundle for the services it names, all or nothing, under one revision, and answers the
 * difference.
 */
final class ApplyHandler {

    private final PolicyService policies;

    ApplyHandler(PolicyService policies) {
        this.policies = policies;
    }

    void apply(RoutingContext ctx) {
        policies.apply(Bodies.policies(ctx), QueryParams.flag(ctx, "dryRun"),
                        QueryParams.revision(ctx, "ifUnchangedSince"), Authenticator.caller(ctx).name())
                .onSuccess(applied -> {
                    if (!applied.dryRun()) {
                        ctx.response().putHeader(Responses.REVISION_HEADER, Long.toString(applied.result().revision()));
                    }
                    Responses.json(ctx, 200, answer(applied));
                })
                .onFailure(ctx::fail);
    }

    private static ObjectNode answer(PolicyService.Applied applied) {
        ApplyResult result = applied.result();
        ObjectNode json = Responses.object();
        json.put("dryRun", applied.dryRun());
        json.put("revision", result.revision());
        applied.bundle().services().forEach(json.putArray("services")::add);
        result.created().forEach(json.putArray("created")::add);
        result.updated().forEach(json.putArray("updated")::add);
        result.deleted().forEach(json.putArray("deleted")::add);
        result.unchanged().forEach(json.putArray("unchanged")::add);
        return json;
    }
}
