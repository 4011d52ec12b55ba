package dev.arbiter.server.cli.suite;

import dev.arbiter.server.engine.CheckRequest;

/**
 * One check of a test: a request, the time it is decided at, and the outcome expected.
 *
 * @param label who, what, on what, as the suite names them, e.g. {@code checkout charges:create small-charge}
 * @param nowMicros the conditions' {@code now}, in microseconds since the epoch
 */
public record CheckCase(String label, CheckRequest request, long nowMicros, boolean expectAllow) {}
