package dev.arbiter.server.sync;

import dev.arbiter.server.directory.DirectoryEntries;
import dev.arbiter.server.engine.DecisionEngine;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicySet;
import dev.arbiter.store.jdbc.PolicyListing;
import dev.arbiter.store.jdbc.StoreFeed;
import dev.arbiter.store.model.DirectoryChanges;
import java.util.logging.Logger;

/**
 * Keeps the engine equal to the store, policies and directory alike: a full load at start, then
 * only what changed since the revision the engine holds. Refreshes are serialised, so revisions
 * only move forward. Blocking: runs on worker threads.
 */
public final class StoreSync {

    private static final Logger LOG = Logger.getLogger(StoreSync.class.getName());

    private final StoreFeed feed;
    private final PolicyCompiler compiler;
    private final DecisionEngine engine;

    public StoreSync(StoreFeed feed, PolicyCompiler compiler, DecisionEngine engine) {
        this.feed = feed;
        this.compiler = compiler;
        this.engine = engine;
    }

    public synchronized void loadAll() {
        DirectoryEntries directory = new DirectoryEntries();
        PolicyListing listing = feed.loadAll(directory::addPrincipal, directory::addResource);
        engine.install(PolicySet.of(listing.revision(), compiler.compileAll(listing.policies()))
                .with(listing.revision(), directory.applyTo(Directory.EMPTY)));
    }

    /**
     * Brings the engine up to the store's current revision; answers the revision it holds
     * afterwards. A store whose revision went backwards (a failover that lost the last writes, a
     * restored backup) no longer matches what the engine holds, so everything is reloaded.
     */
    public synchronized long catchUp() {
        PolicySet current = engine.policies();
        StoreFeed.Changes changes = feed.changesSince(current.revision());
        if (changes.revision() > current.revision()) {
            PolicySet next = current.with(changes.revision(), compiler.compileAll(changes.policies().written()),
                    changes.policies().deleted());
            engine.install(next.with(changes.revision(), DirectoryEntries.of(changes.directory())
                    .applyTo(current.directory())));
            LOG.info(reloaded(changes, engine.policies().size()));
        } else if (changes.revision() < current.revision()) {
            LOG.warning("the store is at revision " + changes.revision() + ", behind the " + current.revision()
                    + " held here; reloading every policy and directory entry");
            loadAll();
        }
        return engine.policies().revision();
    }

    /** One line per reload, saying what changed: operators follow rollouts of policies by it. */
    private static String reloaded(StoreFeed.Changes changes, int policies) {
        DirectoryChanges directory = changes.directory();
        int entries = directory.principals().size() + directory.deletedPrincipals().size()
                + directory.resources().size() + directory.deletedResources().size();
        return "reloaded revision " + changes.revision() + ": " + changes.policies().written().size()
                + " policies written, " + changes.policies().deleted().size() + " deleted, " + entries
                + " directory entries changed; " + policies + " policies held";
    }
}
