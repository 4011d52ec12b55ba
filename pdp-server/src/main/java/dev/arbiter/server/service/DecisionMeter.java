package dev.arbiter.server.service;

/**
 * Told of every decision as it is made, on the event loop: an implementation must cost next to
 * nothing (no lookups, no allocation, no lock).
 */
public interface DecisionMeter {

    /**
     * @param door the front door asked through
     * @param allow the engine's decision
     * @param latencyNanos from reading the request to the decision, as the decision log records it
     */
    void decided(FrontDoor door, boolean allow, long latencyNanos);
}
