package dev.arbiter.server.metrics;

import dev.arbiter.server.audit.write.AuditStatus;
import dev.arbiter.server.audit.write.DecisionLog;
import dev.arbiter.server.engine.DecisionEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * What a replica holds and how its decision log fares, read from the engine's current snapshot
 * and the log's counters only when scraped: nothing on the decision path.
 */
final class StateGauges {

    private StateGauges() {}

    static void register(MeterRegistry registry, DecisionEngine engine, DecisionLog log) {
        Gauge.builder("arbiter.store.revision", engine, e -> e.policies().revision())
                .description("The store revision this replica decides on").register(registry);
        Gauge.builder("arbiter.policies", engine, e -> e.policies().size())
                .description("Policies loaded, dry-run ones included").register(registry);
        Gauge.builder("arbiter.rules", engine, e -> e.policies().ruleCount())
                .description("Rules of the policies loaded").register(registry);
        Gauge.builder("arbiter.entities", engine, e -> e.policies().directory().principalCount())
                .description("Directory entries loaded").tag("kind", "principal").register(registry);
        Gauge.builder("arbiter.entities", engine, e -> e.policies().directory().resourceCount())
                .description("Directory entries loaded").tag("kind", "resource").register(registry);
        FunctionCounter.builder("arbiter.condition.errors", engine, DecisionEngine::conditionErrors)
                .description("Conditions that failed to evaluate (deny rules then deny, allow rules do not allow)")
                .register(registry);
        Gauge.builder("arbiter.decision.log.queue.depth", log, l -> l.status().queued())
                .description("Decision records waiting for the log's writer").register(registry);
        records(registry, log, "written", AuditStatus::written);
        records(registry, log, "spilled", AuditStatus::spilled);
        records(registry, log, "lost", AuditStatus::lost);
    }

    private static void records(MeterRegistry registry, DecisionLog log, String outcome,
            ToDoubleFunction<AuditStatus> count) {
        FunctionCounter.builder("arbiter.decision.log.records", log, l -> count.applyAsDouble(l.status()))
                .description("Decision records written to the database, spilled to disk, or lost")
                .tag("outcome", outcome).register(registry);
    }
}
