package dev.arbiter.server.http;

import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.DecisionEngine;
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
        long received = System.nanoTime();
        CheckRequest request = CheckRequestReader.readCheck(ctx.body().buffer());
        String caller = Authenticator.caller(ctx).name();
        whenFresh(ctx, request.minRevision(), () -> DecisionJson.single(decide(request, caller, received)));
    }

    void batch(RoutingContext ctx) {
        long received = System.nanoTime();
        List<CheckRequest> requests = CheckRequestReader.readBatch(ctx.body().buffer());
        String caller = Authenticator.caller(ctx).name();
        long minRevision = requests.stream().mapToLong(CheckRequest::minRevision).max().orElse(0);
        whenFresh(ctx, minRevision, () -> {
            List<DecisionJson.Answer> answers = new ArrayList<>(requests.size());
            for (CheckRequest request : requests) {
                answers.add(decide(request, caller, received));
            }
            return DecisionJson.batch(answers);
        });
    }

    /** Decides and hands the decision to the log; {@code received} is when the body was available. */
    private DecisionJson.Answer decide(CheckRequest request, String caller, long received) {
        return recorder.record(request, engine.decide(request), caller, received);
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
