package dev.arbiter.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.engine.Directory;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.engine.PolicyLinter;
import dev.arbiter.server.engine.Warning;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.policy.PolicyDocuments;
import dev.arbiter.server.policy.ValidPolicies;
import dev.arbiter.store.jdbc.PolicyListing;
import dev.arbiter.store.jdbc.PolicyNotFoundException;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.jdbc.PolicyVersion;
import dev.arbiter.store.jdbc.PolicyWrite;
import dev.arbiter.store.jdbc.Precondition;
import dev.arbiter.store.model.ApplyResult;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyBundle;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import dev.arbiter.store.model.StoredPolicy;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Policies as the API reads and writes them. Every write is validated and compiled before
 * anything is stored, and is loaded into this replica's engine before it is answered
 * (read-your-writes). The JDBC work runs on workers.
 */
public final class PolicyService {

    private final PolicyRepository repository;
    private final PolicyCompiler compiler;
    private final PolicyLinter linter;
    private final StoreWrites store;
    private final Supplier<Directory> directory;

    /** @param directory the directory this replica decides with, whose attributes warnings know */
    public PolicyService(PolicyRepository repository, PolicyCompiler compiler, StoreWrites store,
            Supplier<Directory> directory) {
        this.repository = repository;
        this.compiler = compiler;
        this.linter = new PolicyLinter(compiler);
        this.store = store;
        this.directory = directory;
    }

    /** A bundle applied (or planned, for a dry run) and how it went. */
    public record Applied(PolicyBundle bundle, ApplyResult result, boolean dryRun) {}

    public Future<PolicyListing> list(Optional<String> service) {
        return store.read(() -> repository.list(service));
    }

    public Future<StoredPolicy> get(String id) {
        return store.read(() -> repository.find(id).orElseThrow(() -> new PolicyNotFoundException(id)));
    }

    /** Creates or replaces the policy {@code id} with the one the body holds. */
    public Future<PolicyWrite> put(String id, PolicyDocuments body, Precondition precondition, String actor) {
        return store.write(() -> repository.put(readPolicy(id, body), precondition, actor));
    }

    /** Deletes the policy; answers the revision of the deletion. */
    public Future<Long> delete(String id, Precondition precondition, String actor) {
        return store.write(() -> repository.delete(id, precondition, actor));
    }

    /** Every version of the policy, newest first; 404 for a policy never written. */
    public Future<List<PolicyVersion>> history(String id) {
        return store.read(() -> {
            List<PolicyVersion> history = repository.history(id);
            if (history.isEmpty()) {
                throw ApiException.notFound("policy '" + id + "' was never written");
            }
            return history;
        });
    }

    public Future<PolicyVersion> version(String id, int version) {
        return store.read(() -> find(id, version));
    }

    /** A new version equal to version {@code to}; the history itself never changes. */
    public Future<PolicyWrite> rollback(String id, int to, Precondition precondition, String actor) {
        return store.write(() -> {
            PolicyVersion earlier = find(id, to);
            if (earlier.deleted()) {
                throw new ApiException(ErrorCode.VERSION_IS_DELETION, "version " + to + " of policy '" + id
                        + "' is its deletion, so there is nothing to restore; use DELETE to delete it");
            }
            ValidPolicies.require(compiler, earlier.policy());
            return repository.restore(earlier, precondition, actor);
        });
    }

    /**
     * Makes the store equal to the bundle for the services it names, all or nothing, under one
     * revision; a dry run answers the difference and writes nothing.
     */
    public Future<Applied> apply(PolicyDocuments body, boolean dryRun, OptionalLong unchangedSince, String actor) {
        if (dryRun) {
            return store.read(() -> {
                PolicyBundle bundle = ValidPolicies.bundle(body, compiler);
                return new Applied(bundle, repository.planApply(bundle, unchangedSince), true);
            });
        }
        return store.write(() -> {
            PolicyBundle bundle = ValidPolicies.bundle(body, compiler);
            return new Applied(bundle, repository.apply(bundle, unchangedSince, actor), false);
        });
    }

    /** The full check a write makes, then warnings judged against the stored policies; stores nothing. */
    public Future<List<Warning>> validate(PolicyDocuments body) {
        return store.read(() -> {
            Policy policy = PolicyJson.read(body.one(), "");
            ValidPolicies.require(compiler, policy);
            return linter.warnings(policy, storedAround(policy), directory.get().attributes());
        });
    }

    /** Parses, checks the id against the path, validates and compiles: 400 or 422 before any write. */
    private Policy readPolicy(String pathId, PolicyDocuments body) {
        JsonNode json = body.one();
        if (json.isObject() && !json.has("id")) {
            ((ObjectNode) json).put("id", pathId);
        }
        Policy policy = PolicyJson.read(json, "");
        if (!policy.id().equals(pathId)) {
            throw new ApiException(ErrorCode.ID_MISMATCH, "the body's id '" + policy.id()
                    + "' differs from the id in the path '" + pathId + "'",
                    List.of(Problem.at("id", "must equal the path id")));
        }
        ValidPolicies.require(compiler, policy);
        return policy;
    }

    private PolicyVersion find(String id, int version) {
        return repository.version(id, version).orElseThrow(() -> ApiException.notFound(
                "policy '" + id + "' has no version " + version));
    }

    /** The stored policies a warning may involve: the candidate's service and "*", or all for a "*" policy. */
    private List<Policy> storedAround(Policy candidate) {
        Stream<StoredPolicy> stored = candidate.appliesToEveryService()
                ? listed(Optional.empty())
                : Stream.concat(listed(Optional.of(Policy.EVERY_SERVICE)), listed(Optional.of(candidate.service())));
        return stored.map(StoredPolicy::policy).toList();
    }

    private Stream<StoredPolicy> listed(Optional<String> service) {
        return repository.list(service).policies().stream();
    }
}
