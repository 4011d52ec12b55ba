package dev.arbiter.client;

/**
 * How the client sees one endpoint now, for operators and their dashboards.
 *
 * @param ready whether its last readiness probe (if probes run) found it ready
 * @param state {@code HEALTHY} (preferred), {@code SUSPECT} (failed recently; used when nothing is
 *     healthy) or {@code OPEN} (its circuit breaker is open)
 * @param lastFailure why it last failed; empty when it never did
 */
public record EndpointStatus(String url, boolean ready, State state, String lastFailure) {

    public enum State {
        HEALTHY,
        SUSPECT,
        OPEN
    }
}
