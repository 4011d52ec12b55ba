package dev.arbiter.client;

/** Every exception the client throws on purpose. */
public abstract sealed class ArbiterException extends RuntimeException
        permits ArbiterApiException, ArbiterUnavailableException {

    ArbiterException(String message) {
        super(message);
    }
}
