package dev.arbiter.server.service;

import dev.arbiter.server.audit.DecisionRecord;
import dev.arbiter.server.audit.write.DecisionLog;
import dev.arbiter.server.engine.Decision;
import dev.arbiter.server.engine.Explanation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands decision records to the decision log. Answers go out as soon as the log's queue has taken
 * their records: at once in the usual case. While the queue is full and the log is working, the
 * handoff is tried again every millisecond from the event loop's timer, never blocking it, so a
 * burst the log cannot absorb slows the answers down instead of losing records. A record still
 * not taken after the log's queue wait is counted as lost, or, when the log must keep every record
 * (ARBITER_AUDIT_REQUIRED), its decision is replaced by a deny: fail closed.
 */
public final class LogHandoff {

    static final String AUDIT_UNAVAILABLE = "audit unavailable";
    private static final long RETRY_MILLIS = 1;

    private final Vertx vertx;
    private final DecisionLog log;
    private final long queueWaitNanos;

    public LogHandoff(Vertx vertx, DecisionLog log) {
        this.vertx = vertx;
        this.log = log;
        this.queueWaitNanos = log.queueWait().toNanos();
    }

    /**
     * A decision waiting for its record to be taken by the log.
     *
     * @param explanation how the decision came about, or null when not asked for
     */
    record Decided(DecisionRecord record, Explanation explanation) {

        DecisionOutcome outcome(boolean stands) {
            Decision decision = record.decision();
            if (!stands) {
                decision = new Decision(false, null, null, decision.revision(), AUDIT_UNAVAILABLE);
            }
            return new DecisionOutcome(record.decisionId(), decision, explanation);
        }
    }

    /** Hands the records to the log in order; the outcomes, in the same order, once it has taken them all. */
    Future<List<DecisionOutcome>> handOff(List<Decided> decided) {
        List<DecisionOutcome> outcomes = new ArrayList<>(decided.size());
        long deadline = System.nanoTime() + queueWaitNanos;
        if (offer(decided, outcomes, deadline)) {
            return Future.succeededFuture(outcomes);
        }
        Promise<List<DecisionOutcome>> later = Promise.promise();
        retry(decided, outcomes, deadline, later);
        return later.future();
    }

    /** Offers the records not taken yet; false when the queue is full and the deadline not reached. */
    private boolean offer(List<Decided> decided, List<DecisionOutcome> outcomes, long deadline) {
        while (outcomes.size() < decided.size()) {
            Decided next = decided.get(outcomes.size());
            DecisionLog.Handoff handoff = log.offer(next.record());
            if (handoff == DecisionLog.Handoff.FULL) {
                if (System.nanoTime() - deadline < 0) {
                    return false;
                }
                handoff = log.giveUp();
            }
            outcomes.add(next.outcome(handoff != DecisionLog.Handoff.REFUSED));
        }
        return true;
    }

    private void retry(List<Decided> decided, List<DecisionOutcome> outcomes, long deadline,
            Promise<List<DecisionOutcome>> later) {
        vertx.setTimer(RETRY_MILLIS, timer -> {
            if (offer(decided, outcomes, deadline)) {
                later.complete(outcomes);
            } else {
                retry(decided, outcomes, deadline, later);
            }
        });
    }
}
