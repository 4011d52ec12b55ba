package dev.arbiter.server.http;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Explanation;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /v1/check} and {@code POST /v1/check/batch}: decided on the event loop, in memory,
 * each decision handed to the decision log without waiting.
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
        whenFresh(ctx, request.minRevision(), () -> DecisionJson.single(decide(request, call)));
    }

    void batch(RoutingContext ctx) {
        Call call = Call.of(ctx);
        List<CheckRequest> requests = CheckRequestReader.readBatch(ctx.body().buffer());
        long minRevision = requests.stream().mapToLong(CheckRequest::minRevision).max().orElse(0);
        whenFresh(ctx, minRevision, () -> {
            List<DecisionJson.Answer> answers = new ArrayList<>(requests.size());
            for (CheckRequest request : requests) {
                answers.add(decide(request, call));
            }
            return DecisionJson.batch(answers);
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

    /** Decides and hands the decision to the log. */
    private DecisionJson.Answer decide(CheckRequest request, Call call) {
        if (call.explain()) {
            Explanation explanation = engine.explain(request);
            return recorder.record(request, explanation.decision(), call.caller(), call.receivedNanos())
                    .explained(explanation.rules());
        }
        return recorder.record(request, engine.decide(request), call.caller(), call.receivedNanos());
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
