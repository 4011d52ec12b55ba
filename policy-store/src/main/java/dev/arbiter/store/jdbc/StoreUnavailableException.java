package dev.arbiter.store.jdbc;

/** The database could not be reached or refused the work (HTTP 503 for writes). */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
