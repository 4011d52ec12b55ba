package dev.arbiter.store.jdbc;

import dev.arbiter.store.model.DirectoryChanges;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * What a replica loads to hold the store: policies and directory together, each read in one
 * snapshot, so what it installs belongs to one store revision. Blocking.
 */
public final class StoreFeed {

    private final DataSource dataSource;

    public StoreFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Everything written after {@code revision}: policies and directory entries. */
    public record Changes(PolicyChanges policies, DirectoryChanges directory) {

        /** The store revision the changes bring a reader to. */
        public long revision() {
            return policies.revision();
        }
    }

    public Changes changesSince(long revision) {
        return Jdbc.read(dataSource, connection -> new Changes(PolicyRepository.changes(connection, revision),
                DirectoryRepository.changesSince(connection, revision)));
    }

    /** Every live policy (answered) and directory entry (streamed to the consumers), as of one revision. */
    public PolicyListing loadAll(Consumer<StoredPrincipal> principals, Consumer<StoredResource> resources) {
        return Jdbc.read(dataSource, connection -> {
            PolicyListing listing = PolicyRepository.listing(connection, Optional.empty());
            DirectoryRepository.loadAll(connection, principals, resources);
            return listing;
        });
    }
}
