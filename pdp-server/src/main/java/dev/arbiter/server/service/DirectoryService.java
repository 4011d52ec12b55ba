package dev.arbiter.server.service;

import dev.arbiter.server.directory.EntityReader;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.jdbc.DirectoryRepository;
import dev.arbiter.store.model.DirectoryApplyResult;
import dev.arbiter.store.model.ResourceRef;
import dev.arbiter.store.model.StoredPrincipal;
import dev.arbiter.store.model.StoredResource;
import io.vertx.core.Future;

/**
 * The directory as the API reads and writes it. Every write goes under one new store revision and
 * is loaded into this replica before it is answered (read-your-writes); the other replicas follow
 * through the change feed, like policies. JDBC (and reading a large apply) runs on workers.
 */
public final class DirectoryService {

    private final DirectoryRepository repository;
    private final StoreWrites store;

    public DirectoryService(DirectoryRepository repository, StoreWrites store) {
        this.repository = repository;
        this.store = store;
    }

    /** Upserts and deletes every entry of the body, all or nothing, in one revision; a dry run writes nothing. */
    public Future<DirectoryApplyResult> apply(byte[] body, boolean dryRun, String actor) {
        return store.write(() -> repository.apply(EntityReader.read(body), actor, dryRun));
    }

    public Future<StoredPrincipal> principal(String id) {
        return store.read(() -> repository.principal(id).orElseThrow(
                () -> ApiException.notFound("the directory has no principal '" + id + "'")));
    }

    public Future<StoredResource> resource(ResourceRef ref) {
        return store.read(() -> repository.resource(ref).orElseThrow(() -> ApiException.notFound(
                "the directory has no resource " + ref.service() + "/" + ref.kind() + "/" + ref.id())));
    }

    public Future<DirectoryRepository.Page<StoredPrincipal, String>> principals(String type, String after, int limit) {
        return store.read(() -> repository.principals(type, after, limit));
    }

    public Future<DirectoryRepository.Page<StoredResource, ResourceRef>> resources(String service, String kind,
            ResourceRef after, int limit) {
        return store.read(() -> repository.resources(service, kind, after, limit));
    }

    /** Deletes the principal's entry; answers the revision of the deletion; 404 when there is none. */
    public Future<Long> deletePrincipal(String id, String actor) {
        return store.write(() -> repository.deletePrincipal(id, actor).orElseThrow(
                () -> ApiException.notFound("the directory has no principal '" + id + "'")));
    }

    public Future<Long> deleteResource(ResourceRef ref, String actor) {
        return store.write(() -> repository.deleteResource(ref, actor).orElseThrow(() -> ApiException.notFound(
                "the directory has no resource " + ref.service() + "/" + ref.kind() + "/" + ref.id())));
    }
}
