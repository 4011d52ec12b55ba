package dev.arbiter.server.http;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Explanation;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/check} and {@code POST /v1/check/batch}: decided on the event loop, in memory,
 * answered once the decision log has taken each decision's record.
 */
final class CheckHandler {

    private final DecisionEngine engine;
    private final RevisionGate gate;
    private final DecisionRecorder recorder;

    CheckHandler(DecisionEngine engine, RevisionGate gate, DecisionRecorder recorder) {
        this.engine = engine;
        this.gate = gate;
        this.recorder = recorder;
    }

    void check(RoutingContext ctx) {
        Call call = Call.of(ctx);
        CheckRequest request = CheckRequestReader.readCheck(ctx.body().buffer());
        whenFresh(ctx, request.minRevision(), () -> recorder.handOff(List.of(decide(request, call)),
                answers -> Responses.json(ctx, 200, DecisionJson.single(answers.get(0)))));
    }

    void batch(RoutingContext ctx) {
        Call call = Call.of(ctx);
        List<CheckRequest> requests = CheckRequestReader.readBatch(ctx.body().buffer());
        long minRevision = requests.stream().mapToLong(CheckRequest::minRevision).max().orElse(0);
        whenFresh(ctx, minRevision, () -> {
            List<DecisionRecorder.Decided> decided = new ArrayList<>(requests.size());
            for (CheckRequest request : requests) {
                decided.add(decide(request, call));
            }
            recorder.handOff(decided, answers -> Responses.json(ctx, 200, DecisionJson.batch(answers)));
        });
    }

    /**
     * What a check request says besides its body.
     *
     * @param receivedNanos {@link System#nanoTime()} when the body was available
     */
    private record Call(String caller, long receivedNanos, boolean explain) {

        static Call of(RoutingContext ctx) {
            return new Call(Authenticator.caller(ctx).name(), System.nanoTime(), explainRequested(ctx));
        }
    }

    /** Decides, with the explanation when asked for. */
    private DecisionRecorder.Decided decide(CheckRequest request, Call call) {
        if (call.explain()) {
            Explanation explanation = engine.explain(request);
            return recorder.decided(request, explanation.decision(), explanation.rules(), call.caller(),
                    call.receivedNanos());
        }
        return recorder.decided(request, engine.decide(request), null, call.caller(), call.receivedNanos());
    }

    /** {@code ?explain=true}; a request without a query string (the usual case) pays nothing to find out. */
    private static boolean explainRequested(RoutingContext ctx) {
        return ctx.request().query() != null && QueryParams.flag(ctx, "explain");
    }

    /** Answers at once when the engine is fresh enough (the usual case), else after the gate opens. */
    private void whenFresh(RoutingContext ctx, long minRevision, Runnable answer) {
        if (gate.isFreshEnough(minRevision)) {
            answer.run();
            return;
        }
        gate.await(minRevision).onSuccess(ignored -> answer.run()).onFailure(ctx::fail);
    }
}
