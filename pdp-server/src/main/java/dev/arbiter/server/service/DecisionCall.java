package dev.arbiter.server.service;

/**
 * What a front door knows about a call besides the request itself.
 *
 * @param caller the name of the key that asked
 * @param door the front door asked through
 * @param traceId the W3C trace id the call carried, or null
 * @param explain whether the answer shows how every rule fared (costs the hot path nothing when false)
 * @param receivedNanos {@link System#nanoTime()} when the request was read: the logged latency starts here
 */
public record DecisionCall(String caller, FrontDoor door, String traceId, boolean explain, long receivedNanos) {}
