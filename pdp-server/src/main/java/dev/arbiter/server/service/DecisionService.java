package dev.arbiter.server.service;

import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Explanation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * One decision end to end, whichever front door asked: wait for the revision the caller has
 * seen, decide in memory, give the decision its id and time, hand its record to the decision log,
 * and answer once the log has taken it. Never blocks and never touches the database.
 */
public final class DecisionService {

    private final DecisionEngine engine;
    private final RevisionGate gate;
    private final LogHandoff log;
    private final DecisionMeter meter;
    private final DecisionSpans spans;

    public DecisionService(DecisionEngine engine, RevisionGate gate, LogHandoff log, DecisionMeter meter,
            DecisionSpans spans) {
        this.engine = engine;
        this.gate = gate;
        this.log = log;
        this.meter = meter;
        this.spans = spans;
    }

    /** Decides one request: the whole of a call. */
    public Future<DecisionOutcome> decide(DecisionCall call, CheckRequest request) {
        Future<DecisionOutcome> outcome = decideEach(call, List.of(request)).map(outcomes -> outcomes.get(0));
        spans.single(call, outcome);
        return outcome;
    }

    /** Decides a call's requests, each on its own: {@link #decideEach}. */
    public Future<List<DecisionOutcome>> decideAll(DecisionCall call, List<CheckRequest> requests) {
        Future<List<DecisionOutcome>> outcomes = decideEach(call, requests);
        spans.batch(call, requests.size(), outcomes, Function.identity());
        return outcomes;
    }

    /**
     * Reports a call of {@code items} decisions that its front door made part by part with
     * {@link #decideEach}, once {@code answered}.
     *
     * @param outcomes the decisions in the answer; a method reference, so that nothing is allocated
     *     while spans are off
     */
    public <T> void answered(DecisionCall call, int items, Future<T> answered,
            Function<T, List<DecisionOutcome>> outcomes) {
        spans.batch(call, items, answered, outcomes);
    }

    /**
     * Decides every request on its own, in order, on a revision at least as new as any of them asks
     * for, as part of a call reported with {@link #answered}.
     */
    public Future<List<DecisionOutcome>> decideEach(DecisionCall call, List<CheckRequest> requests) {
        long minRevision = 0;
        for (CheckRequest request : requests) {
            minRevision = Math.max(minRevision, request.minRevision());
        }
        if (gate.isFreshEnough(minRevision)) {
            return decideNow(call, requests);
        }
        return gate.await(minRevision).compose(fresh -> decideNow(call, requests));
    }

    private Future<List<DecisionOutcome>> decideNow(DecisionCall call, List<CheckRequest> requests) {
        List<LogHandoff.Decided> decided = new ArrayList<>(requests.size());
        for (CheckRequest request : requests) {
            decided.add(decideOne(call, request));
        }
        return log.handOff(decided);
    }

    /** One timestamp serves as the conditions' {@code now}, the logged time and the decision id's millisecond. */
    private LogHandoff.Decided decideOne(DecisionCall call, CheckRequest request) {
        long nowMicros = Micros.now();
        Explanation explanation = call.explain() ? engine.explain(request, nowMicros) : null;
        Decision decision = explanation != null ? explanation.decision() : engine.decide(request, nowMicros);
        UUID decisionId = DecisionIds.at(nowMicros / 1_000);
        long latencyNanos = System.nanoTime() - call.receivedNanos();
        meter.decided(call.door(), decision.allow(), latencyNanos);
        int latencyMicros = (int) Math.min(Integer.MAX_VALUE, latencyNanos / 1_000);
        return new LogHandoff.Decided(
                new DecisionRecord(decisionId, nowMicros, request, decision, call.caller(), latencyMicros,
                        call.door().api(), call.traceId()), explanation);
    }
}
