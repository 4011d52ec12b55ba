package dev.arbiter.server.http;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Explanation;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** {@code POST /v1/check} and {@code POST /v1/check/batch}: decided on the event loop, in memory. */
final class CheckHandler {

    private final DecisionEngine engine;
    private final RevisionGate gate;

    CheckHandler(DecisionEngine engine, RevisionGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    void check(RoutingContext ctx) {
        CheckRequest request = CheckRequestReader.readCheck(ctx.body().buffer());
        boolean explain = explainRequested(ctx);
        whenFresh(ctx, request.minRevision(), () -> DecisionJson.single(decide(request, explain)));
    }

    void batch(RoutingContext ctx) {
        List<CheckRequest> requests = CheckRequestReader.readBatch(ctx.body().buffer());
        boolean explain = explainRequested(ctx);
        long minRevision = requests.stream().mapToLong(CheckRequest::minRevision).max().orElse(0);
        whenFresh(ctx, minRevision, () -> {
            List<DecisionJson.Answer> answers = new ArrayList<>(requests.size());
            for (CheckRequest request : requests) {
                answers.add(decide(request, explain));
            }
            return DecisionJson.batch(answers);
        });
    }

    private DecisionJson.Answer decide(CheckRequest request, boolean explain) {
        if (explain) {
            Explanation explanation = engine.explain(request);
            return new DecisionJson.Answer(DecisionIds.next(), explanation.decision(), explanation.rules());
        }
        return new DecisionJson.Answer(DecisionIds.next(), engine.decide(request));
    }

    /** {@code ?explain=true}; a request without a query string (the usual case) pays nothing to find out. */
    private static boolean explainRequested(RoutingContext ctx) {
        return ctx.request().query() != null && QueryParams.flag(ctx, "explain");
    }

    /** Answers at once when the engine is fresh enough (the usual case), else after the gate opens. */
    private void whenFresh(RoutingContext ctx, long minRevision, Supplier<Buffer> answer) {
        if (gate.isFreshEnough(minRevision)) {
            Responses.json(ctx, 200, answer.get());
            return;
        }
        gate.await(minRevision)
                .onSuccess(ignored -> Responses.json(ctx, 200, answer.get()))
                .onFailure(ctx::fail);
    }
}
