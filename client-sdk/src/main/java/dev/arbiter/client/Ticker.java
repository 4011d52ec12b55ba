package dev.arbiter.client;

/**
 * The clock of the client's circuit breakers and decision cache, in nanoseconds: how long a
 * breaker stays open, how long a cached decision lives. {@link #SYSTEM} in production; a test or
 * a simulation may move time by hand. Network timeouts always run on the real clock.
 */
@FunctionalInterface
public interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    /** Nanoseconds from an arbitrary origin, never going backwards. */
    long nanos();
}
