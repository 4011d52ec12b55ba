package dev.arbiter.server.service;

/**
 * What a front door knows about a call besides the request itself.
 *
 * @param caller the name of the key that asked
 * @param door the front door asked through
 * @param trace the W3C trace the call carried, or null
 * @param explain whether the answer shows how every rule fared (costs the hot path nothing when false)
 * @param receivedNanos {@link System#nanoTime()} when the request was read: the logged latency starts here
 */
public record DecisionCall(String caller, FrontDoor door, TraceContext trace, boolean explain, long receivedNanos) {

    /** The W3C trace id the call carried, as the decision log records it, or null. */
    public String traceId() {
        return trace == null ? null : trace.traceId();
    }
}
