package dev.arbiter.server.sync;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls the store: the fallback behind the {@link ChangeFeed} for writes made through other
 * replicas and key revocations, and the judge of whether the database answers.
 */
public final class StoreWatcher {

    private static final Logger LOG = Logger.getLogger(StoreWatcher.class.getName());

    private final StoreSync policies;
    private final KeySync keys;
    private final Readiness readiness;

    public StoreWatcher(StoreSync policies, KeySync keys, Readiness readiness) {
        this.policies = policies;
        this.keys = keys;
        this.readiness = readiness;
    }

    /** One poll. Blocking; never throws. */
    public void poll() {
        try {
            policies.catchUp();
            keys.reload();
            if (readiness.status() == Readiness.Status.DEGRADED) {
                LOG.info("the database answers again");
            }
            readiness.ready();
        } catch (RuntimeException e) {
            if (readiness.status() == Readiness.Status.READY) {
                LOG.log(Level.WARNING, "the database does not answer; deciding on the policies loaded last", e);
            }
            readiness.degraded("the database does not answer (" + e.getMessage()
                    + "); deciding on the policies loaded last; writes fail");
        }
    }
}
