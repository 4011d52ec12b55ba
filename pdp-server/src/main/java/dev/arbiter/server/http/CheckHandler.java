package dev.arbiter.server.http;

import dev.arbiter.server.check.CheckCodec;
import dev.arbiter.server.service.DecisionCall;
import dev.arbiter.server.service.DecisionService;
import dev.arbiter.server.service.FrontDoor;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/check} and {@code POST /v1/check/batch}: the {@code /v1} front door to the decision service. */
final class CheckHandler {

    private final DecisionService decisions;

    CheckHandler(DecisionService decisions) {
        this.decisions = decisions;
    }

    void check(RoutingContext ctx) {
        DecisionCall call = call(ctx, FrontDoor.CHECK);
        decisions.decide(call, CheckCodec.read(Bodies.bytes(ctx)))
                .onSuccess(outcome -> Responses.json(ctx, 200, DecisionJson.single(outcome)))
                .onFailure(ctx::fail);
    }

    void batch(RoutingContext ctx) {
        DecisionCall call = call(ctx, FrontDoor.BATCH);
        decisions.decideAll(call, CheckCodec.readBatch(Bodies.bytes(ctx)))
                .onSuccess(outcomes -> Responses.json(ctx, 200, DecisionJson.batch(outcomes)))
                .onFailure(ctx::fail);
    }

    /** A request without a query string (the usual case) pays nothing to find out about {@code ?explain}. */
    private static DecisionCall call(RoutingContext ctx, FrontDoor door) {
        boolean explain = ctx.request().query() != null && QueryParams.flag(ctx, "explain");
        return new DecisionCall(Authenticator.caller(ctx).name(), door, Traces.of(ctx), explain,
                System.nanoTime());
    }
}
