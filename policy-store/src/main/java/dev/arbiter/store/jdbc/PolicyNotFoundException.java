package dev.arbiter.store.jdbc;

/** No live policy has the requested id (HTTP 404). */
public final class PolicyNotFoundException extends RuntimeException {

    public PolicyNotFoundException(String id) {
        super("no policy with id '" + id + "'");
    }
}
