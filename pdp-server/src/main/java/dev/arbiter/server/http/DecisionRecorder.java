package dev.arbiter.server.http;

import dev.arbiter.server.audit.DecisionLog;
import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.Micros;
import dev.arbiter.server.engine.CheckRequest;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.RuleExplanation;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Gives each decision its id and time and hands its record to the decision log. Answers go out
 * as soon as the log's queue has taken their records: at once in the usual case. While the queue
 * is full and the log is working, the handoff is tried again every millisecond from the event
 * loop's timer, never blocking it, so a burst the log cannot absorb slows the answers down instead
 * of losing records. A record still not taken after the log's queue wait is counted as lost, or,
 * when the log must keep every record (ARBITER_AUDIT_REQUIRED), its decision is replaced by a
 * deny: fail closed.
 */
final class DecisionRecorder {

    static final String AUDIT_UNAVAILABLE = "audit unavailable";
    private static final long RETRY_MILLIS = 1;

    private final Vertx vertx;
    private final DecisionLog log;
    private final long queueWaitNanos;

    DecisionRecorder(Vertx vertx, DecisionLog log) {
        this.vertx = vertx;
        this.log = log;
        this.queueWaitNanos = log.queueWait().toNanos();
    }

    /**
     * A decision waiting for its record to be taken by the log.
     *
     * @param explain how every rule of the applying policies fared, or null when not asked for
     */
    record Decided(DecisionRecord record, List<RuleExplanation> explain) {

        DecisionJson.Answer answer(boolean stands) {
            Decision decision = record.decision();
            if (!stands) {
                decision = new Decision(false, null, null, decision.revision(), AUDIT_UNAVAILABLE);
            }
            return new DecisionJson.Answer(record.decisionId(), decision, explain);
        }
    }

    /** @param receivedNanos {@link System#nanoTime()} when the request body was available */
    Decided decided(CheckRequest request, Decision decision, List<RuleExplanation> explain, String caller,
            long receivedNanos) {
        long decidedAtMicros = Micros.now();
        UUID decisionId = DecisionIds.at(decidedAtMicros / 1_000);
        int latencyMicros = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - receivedNanos) / 1_000);
        return new Decided(new DecisionRecord(decisionId, decidedAtMicros, request, decision, caller, latencyMicros),
                explain);
    }

    /** Hands the records to the log in order, then passes the answers, in the same order, to {@code answer}. */
    void handOff(List<Decided> decided, Consumer<List<DecisionJson.Answer>> answer) {
        offer(decided, new ArrayList<>(decided.size()), System.nanoTime() + queueWaitNanos, answer);
    }

    private void offer(List<Decided> decided, List<DecisionJson.Answer> answers, long deadline,
            Consumer<List<DecisionJson.Answer>> answer) {
        while (answers.size() < decided.size()) {
            Decided next = decided.get(answers.size());
            DecisionLog.Handoff handoff = log.offer(next.record());
            if (handoff == DecisionLog.Handoff.FULL) {
                if (System.nanoTime() - deadline < 0) {
                    vertx.setTimer(RETRY_MILLIS, timer -> offer(decided, answers, deadline, answer));
                    return;
                }
                handoff = log.giveUp();
            }
            answers.add(next.answer(handoff != DecisionLog.Handoff.REFUSED));
        }
        answer.accept(answers);
    }
}
