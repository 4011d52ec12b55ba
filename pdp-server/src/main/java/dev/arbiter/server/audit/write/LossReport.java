package dev.arbiter.server.audit.write;

import java.util.logging.Logger;

/** Says loudly, at most every ten seconds, how many records were lost or checks refused since it last spoke. */
final class LossReport {

    private static final Logger LOG = Logger.getLogger(LossReport.class.getName());
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final AuditCounters counters;
    private long reportedLost;
    private long reportedRefused;
    private long lastReport = System.nanoTime() - INTERVAL_NANOS;

    LossReport(AuditCounters counters) {
        this.counters = counters;
    }

    void report() {
        long now = System.nanoTime();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        long lost = counters.lost.sum();
        long refused = counters.refused.sum();
        if (lost > reportedLost) {
            LOG.severe("the decision log LOST " + (lost - reportedLost) + " records (" + lost + " since start):"
                    + " its queue (ARBITER_AUDIT_QUEUE_CAPACITY) was full");
        }
        if (refused > reportedRefused) {
            LOG.severe("denied " + (refused - reportedRefused) + " checks with \"audit unavailable\" (" + refused
                    + " since start): ARBITER_AUDIT_REQUIRED is set and the decision log cannot keep records");
        }
        if (lost > reportedLost || refused > reportedRefused) {
            lastReport = now;
        }
        reportedLost = lost;
        reportedRefused = refused;
    }
}
