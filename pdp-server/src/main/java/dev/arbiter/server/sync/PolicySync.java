package dev.arbiter.server.sync;

import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.store.jdbc.PolicyChanges;
import dev.arbiter.store.jdbc.PolicyListing;
import dev.arbiter.store.jdbc.PolicyRepository;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps the engine's policy set equal to the store: a full load at start, then only what changed
 * since the revision the engine holds. Refreshes are serialised, so revisions only move forward.
 * Blocking: runs on worker threads.
 */
public final class PolicySync {

    private static final Logger LOG = Logger.getLogger(PolicySync.class.getName());

    private final PolicyRepository repository;
    private final PolicyCompiler compiler;
    private final DecisionEngine engine;

    public PolicySync(PolicyRepository repository, PolicyCompiler compiler, DecisionEngine engine) {
        this.repository = repository;
        this.compiler = compiler;
        this.engine = engine;
    }

    public synchronized void loadAll() {
        PolicyListing listing = repository.list(Optional.empty());
        engine.install(PolicySet.of(listing.revision(), compiler.compileAll(listing.policies())));
    }

    /**
     * Brings the engine up to the store's current revision; answers the revision it holds
     * afterwards. A store whose revision went backwards (a failover that lost the last writes, a
     * restored backup) no longer matches what the engine holds, so everything is reloaded.
     */
    public synchronized long catchUp() {
        PolicySet current = engine.policies();
        PolicyChanges changes = repository.changesSince(current.revision());
        if (changes.revision() > current.revision()) {
            engine.install(current.with(changes.revision(), compiler.compileAll(changes.written()), changes.deleted()));
        } else if (changes.revision() < current.revision()) {
            LOG.warning("the store is at revision " + changes.revision() + ", behind the " + current.revision()
                    + " held here; reloading every policy");
            loadAll();
        }
        return engine.policies().revision();
    }
}
