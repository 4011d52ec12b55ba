package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.sync.PolicySync;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.jdbc.PolicyVersion;
import dev.arbiter.store.jdbc.PolicyWrite;
import dev.arbiter.store.jdbc.Precondition;
import dev.arbiter.store.model.PolicyJson;
import io.vertx.ext.web.RoutingContext;

/**
 * A policy's history: every version with who wrote it and when, deletions included, and rollback
 * to an earlier version, written as a new version (the history itself never changes).
 */
final class HistoryHandler {

    private final PolicyRepository repository;
    private final PolicyCompiler compiler;
    private final PolicySync sync;
    private final Blocking blocking;

    HistoryHandler(PolicyRepository repository, PolicyCompiler compiler, PolicySync sync, Blocking blocking) {
        this.repository = repository;
        this.compiler = compiler;
        this.sync = sync;
        this.blocking = blocking;
    }

    /** {@code GET /v1/policies/{id}/versions}: newest first. */
    void versions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking.run(() -> repository.history(id))
                .onSuccess(history -> {
                    if (history.isEmpty()) {
                        ctx.fail(ApiException.notFound("policy '" + id + "' was never written"));
                        return;
                    }
                    ObjectNode json = Responses.object().put("id", id);
                    ArrayNode versions = json.putArray("versions");
                    history.forEach(version -> versions.add(summary(version)));
                    Responses.json(ctx, 200, json);
                })
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/policies/{id}/versions/{version}}: the policy as that version wrote it. */
    void version(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int number = QueryParams.version("version", ctx.pathParam("version"));
        blocking.run(() -> find(id, number))
                .onSuccess(version -> Responses.json(ctx, 200, full(version)))
                .onFailure(ctx::fail);
    }

    /** {@code POST /v1/policies/{id}/rollback?to={version}}: honours If-Match and If-None-Match. */
    void rollback(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        int to = QueryParams.version("to", QueryParams.single(ctx, "to"));
        Precondition precondition = Preconditions.of(ctx.request());
        String actor = Authenticator.caller(ctx).name();
        blocking.run(() -> {
                    PolicyVersion earlier = find(id, to);
                    if (earlier.deleted()) {
                        throw new ApiException(409, "version_is_deletion", "version " + to + " of policy '" + id
                                + "' is its deletion, so there is nothing to restore; use DELETE to delete it");
                    }
                    PolicyHandler.requireValid(compiler, earlier.policy());
                    PolicyWrite write = repository.restore(earlier, precondition, actor);
                    sync.catchUp();
                    return write;
                })
                .onSuccess(write -> PolicyHandler.answerWrite(ctx, write))
                .onFailure(ctx::fail);
    }

    private PolicyVersion find(String id, int version) {
        return repository.version(id, version).orElseThrow(() -> ApiException.notFound(
                "policy '" + id + "' has no version " + version));
    }

    /** Who wrote a version, when, and the policy's service and mode, without its rules. */
    private static ObjectNode summary(PolicyVersion version) {
        ObjectNode json = withVersionFields(Responses.object(), version);
        if (!version.deleted()) {
            json.put("service", version.policy().service());
            json.put("mode", version.policy().mode().json());
        }
        return json;
    }

    /** The whole version: the policy document (only the id for a deletion) with the version's fields. */
    private static ObjectNode full(PolicyVersion version) {
        return withVersionFields(version.deleted()
                ? Responses.object().put("id", version.id())
                : PolicyJson.toJson(version.policy()), version);
    }

    private static ObjectNode withVersionFields(ObjectNode json, PolicyVersion version) {
        json.put("version", version.version());
        json.put("revision", version.revision());
        json.put("deleted", version.deleted());
        json.put("updatedAt", version.updatedAt().toString());
        json.put("updatedBy", version.updatedBy());
        if (version.restoredFrom() != null) {
            json.put("restoredFrom", version.restoredFrom());
        }
        return json;
    }
}
