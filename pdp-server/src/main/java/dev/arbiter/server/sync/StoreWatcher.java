package dev.arbiter.server.sync;

import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls the store: catches the policy set up with writes made through other replicas, reloads
 * API keys so revocations everywhere take effect, and reports whether the database answers.
 */
public final class StoreWatcher {

    private static final Logger LOG = Logger.getLogger(StoreWatcher.class.getName());

    private final PolicySync policies;
    private final KeyRepository keyRepository;
    private final KeyRegistry keys;
    private final Readiness readiness;

    public StoreWatcher(PolicySync policies, KeyRepository keyRepository, KeyRegistry keys, Readiness readiness) {
        this.policies = policies;
        this.keyRepository = keyRepository;
        this.keys = keys;
        this.readiness = readiness;
    }

    /** One poll. Blocking; never throws. */
    public void poll() {
        try {
            policies.catchUp();
            keys.replaceAll(keyRepository.list());
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
