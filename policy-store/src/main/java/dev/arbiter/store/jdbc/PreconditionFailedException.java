package dev.arbiter.store.jdbc;

/** A conditional write found the policy in another state than the caller expected (HTTP 412). */
public final class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
