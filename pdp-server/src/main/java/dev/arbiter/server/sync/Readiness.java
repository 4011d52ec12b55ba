package dev.arbiter.server.sync;

/**
 * Whether this replica can serve: policies loaded and the database answering. A replica whose
 * database stops answering is degraded: it keeps deciding on the policies it loaded last, but
 * cannot take writes. A replica that is shutting down drains: it answers every request but tells
 * load balancers to send no more, and stays so whatever the database does.
 */
public final class Readiness {

    /** What the readiness probe reports. */
    public enum Status {
        STARTING("starting"),
        READY("ready"),
        DEGRADED("degraded"),
        DRAINING("draining");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    private volatile Status status = Status.STARTING;
    private volatile String reason = "policies are not loaded yet";

    public synchronized void ready() {
        set(Status.READY, null);
    }

    public synchronized void degraded(String why) {
        set(Status.DEGRADED, why);
    }

    /** From now on the replica is not ready, for good: the store's polls no longer change that. */
    public synchronized void draining() {
        status = Status.DRAINING;
        reason = "shutting down; requests are still answered until the listeners close";
    }

    private void set(Status next, String why) {
        if (status != Status.DRAINING) {
            status = next;
            reason = why;
        }
    }

    public Status status() {
        return status;
    }

    /** Why the replica is not ready, or null when it is. */
    public String reason() {
        return reason;
    }
}
