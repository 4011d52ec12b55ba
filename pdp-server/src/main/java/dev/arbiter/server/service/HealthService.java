package dev.arbiter.server.service;

import dev.arbiter.server.audit.write.AuditStatus;
import dev.arbiter.server.audit.write.DecisionLog;
import dev.arbiter.server.build.BuildInfo;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.server.sync.Readiness;

/** Whether this replica serves, and what it holds; never touches the database. */
public final class HealthService {

    private final Readiness readiness;
    private final DecisionEngine engine;
    private final DecisionLog decisionLog;

    public HealthService(Readiness readiness, DecisionEngine engine, DecisionLog decisionLog) {
        this.readiness = readiness;
        this.engine = engine;
        this.decisionLog = decisionLog;
    }

    /**
     * What the readiness probe reports.
     *
     * @param status {@code starting}, {@code ready}, {@code degraded} or {@code draining}
     * @param reason why the replica is not ready, or null when it is
     * @param audit the decision log's counters; informational, they never change readiness
     * @param build the version and commit this replica runs, to tell replicas apart during a rollout
     */
    public record Health(String status, boolean ready, boolean degraded, String reason, long revision, int policies,
            AuditStatus audit, BuildInfo build) {

        /** Whether a load balancer should send traffic here; a degraded replica only when it says so. */
        public boolean serving(boolean allowDegraded) {
            return ready || (degraded && allowDegraded);
        }
    }

    public Health health() {
        PolicySet policies = engine.policies();
        Readiness.Status status = readiness.status();
        return new Health(status.json(), status == Readiness.Status.READY, status == Readiness.Status.DEGRADED,
                readiness.reason(), policies.revision(), policies.size(), decisionLog.status(),
                BuildInfo.current());
    }

    /** Whether this replica is shutting down: connections should move to other replicas. */
    public boolean draining() {
        return readiness.status() == Readiness.Status.DRAINING;
    }
}
