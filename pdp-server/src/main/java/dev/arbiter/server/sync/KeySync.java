package dev.arbiter.server.sync;

import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;

/**
 * Keeps the in-memory key registry equal to the stored keys. Reloads run one at a time, so a
 * slow one never installs its older view after a newer one. Blocking: runs on worker threads.
 */
public final class KeySync {

    private final KeyRepository repository;
    private final KeyRegistry registry;

    public KeySync(KeyRepository repository, KeyRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    public synchronized void reload() {
        long readAt = registry.generation();
        registry.replaceAll(repository.list(), readAt);
    }
}
