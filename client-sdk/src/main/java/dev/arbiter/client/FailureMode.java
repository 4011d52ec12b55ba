package dev.arbiter.client;

/** What a check does when it cannot get a decision from the server. */
public enum FailureMode {
    /** Answer a deny whose {@link Decision#failure()} and reason say why (the default: fail closed). */
    DENY,
    /** Throw {@link ArbiterUnavailableException}, for callers that handle the outage themselves. */
    THROW
}
