package dev.arbiter.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health of one endpoint, learnt from real calls (and probes): a circuit breaker.
 *
 * <ul>
 *   <li><b>healthy</b>: ready, and no failure since the last success or the last failure is older
 *       than the open duration; preferred.</li>
 *   <li><b>suspect</b>: failed recently, fewer than {@code threshold} times in a row, or its
 *       readiness probe fails (a degraded server still decides); used only when no endpoint is
 *       healthy.</li>
 *   <li><b>open</b>: failed {@code threshold} times in a row; not used for the open duration, then
 *       one trial call at a time is let through (half-open): its success closes the breaker, its
 *       failure opens it again.</li>
 * </ul>
 */
final class EndpointHealth {

    private final int threshold;
    private final long openNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong trialStartedAt = new AtomicLong();
    private volatile long lastFailureAt;
    private volatile String lastFailure = "";
    private volatile boolean ready = true;

    EndpointHealth(int threshold, long openNanos) {
        this.threshold = threshold;
        this.openNanos = openNanos;
    }

    boolean healthy(long now) {
        int failures = consecutiveFailures.get();
        return ready && (failures == 0 || failures < threshold && now - lastFailureAt >= openNanos);
    }

    boolean belowThreshold() {
        return consecutiveFailures.get() < threshold;
    }

    /**
     * Claims the single trial call of an open breaker whose open duration has passed. A trial that
     * never reports back is given up after another open duration.
     */
    boolean claimTrial(long now) {
        if (consecutiveFailures.get() < threshold || now - lastFailureAt < openNanos) {
            return false;
        }
        long started = trialStartedAt.get();
        return (started == 0 || now - started >= openNanos) && trialStartedAt.compareAndSet(started, now);
    }

    void succeeded() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
        trialStartedAt.set(0);
    }

    void failed(String why, long now) {
        lastFailure = why;
        lastFailureAt = now;
        consecutiveFailures.incrementAndGet();
        trialStartedAt.set(0);
    }

    /** Readiness as the last probe saw it; a server that is not ready is only de-preferred. */
    void ready(boolean ready) {
        this.ready = ready;
    }

    /** How long until an open breaker lets a trial through, in nanoseconds (0 when not open). */
    long nanosUntilTrial(long now) {
        return consecutiveFailures.get() < threshold ? 0 : Math.max(0, openNanos - (now - lastFailureAt));
    }

    EndpointStatus status(String url, long now) {
        EndpointStatus.State state = healthy(now) ? EndpointStatus.State.HEALTHY
                : belowThreshold() ? EndpointStatus.State.SUSPECT : EndpointStatus.State.OPEN;
        return new EndpointStatus(url, ready, state, lastFailure);
    }

    String lastFailure() {
        return lastFailure;
    }
}
