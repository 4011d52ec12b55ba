package dev.arbiter.server.sync;

/**
 * Whether this replica can serve: policies loaded and the database answering. A replica whose
 * database stops answering is degraded: it keeps deciding on the policies it loaded last, but
 * cannot take writes.
 */
public final class Readiness {

    /** What the readiness probe reports. */
    public enum Status {
        STARTING("starting"),
        READY("ready"),
        DEGRADED("degraded");

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

    public void ready() {
        status = Status.READY;
        reason = null;
    }

    public void degraded(String why) {
        status = Status.DEGRADED;
        reason = why;
    }

    public Status status() {
        return status;
    }

    /** Why the replica is not ready, or null when it is. */
    public String reason() {
        return reason;
    }
}
