package dev.arbiter.client;

import java.util.List;

/**
 * What applying a bundle did, or for a dry run would do.
 *
 * @param revision the store revision of the write; for a dry run, the revision the plan was made on
 * @param services the services the bundle governs
 */
public record ApplyResult(boolean dryRun, long revision, List<String> services, PolicyChanges changes) {

    public ApplyResult {
        services = List.copyOf(services);
    }
}
