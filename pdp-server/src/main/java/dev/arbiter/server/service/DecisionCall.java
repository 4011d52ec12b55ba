package dev.arbiter.server.service;

/**
 * What a front door knows about a call besides the request itself.
 *
 * @param caller the name of the key that asked
 * @param explain whether the answer shows how every rule fared (costs the hot path nothing when false)
 * @param receivedNanos {@link System#nanoTime()} when the request was read: the logged latency starts here
 */
public record DecisionCall(String caller, boolean explain, long receivedNanos) {}
