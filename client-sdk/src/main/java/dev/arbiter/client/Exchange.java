package dev.arbiter.client;

import java.net.http.HttpHeaders;

/** What one HTTP exchange came to: an answer with any status, or no answer at all. */
sealed interface Exchange {

    record Answered(int status, HttpHeaders headers, byte[] body) implements Exchange {}

    /** No answer: {@code failure} is TIMEOUT, CONNECTION_FAILED or INTERRUPTED. */
    record Failed(Decision.Failure failure, String detail) implements Exchange {}
}
