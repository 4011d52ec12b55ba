package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.service.PolicyService;
import dev.arbiter.store.jdbc.PolicyVersion;
import dev.arbiter.store.model.PolicyJson;
import io.vertx.ext.web.RoutingContext;

/**
 * A policy's history: every version with who wrote it and when, deletions included, and rollback
 * to an earlier version, written as a new version (the history itself never changes).
 */
final class HistoryHandler {

    private final PolicyService policies;

    HistoryHandler(PolicyService policies) {
        this.policies = policies;
    }

    /** {@code GET /v1/policies/{id}/versions}: newest first. */
    void versions(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        policies.history(id)
                .onSuccess(history -> {
                    ObjectNode json = Responses.object().put("id", id);
                    ArrayNode versions = json.putArray("versions");
                    history.forEach(version -> versions.add(summary(version)));
                    Responses.json(ctx, 200, json);
                })
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/policies/{id}/versions/{version}}: the policy as that version wrote it. */
    void version(RoutingContext ctx) {
        int number = QueryParams.version("version", ctx.pathParam("version"));
        policies.version(ctx.pathParam("id"), number)
                .onSuccess(version -> Responses.json(ctx, 200, full(version)))
                .onFailure(ctx::fail);
    }

    /** {@code POST /v1/policies/{id}/rollback?to={version}}: honours If-Match and If-None-Match. */
    void rollback(RoutingContext ctx) {
        int to = QueryParams.version("to", QueryParams.single(ctx, "to"));
        policies.rollback(ctx.pathParam("id"), to, Preconditions.of(ctx.request()), Authenticator.caller(ctx).name())
                .onSuccess(write -> PolicyHandler.answerWrite(ctx, write))
                .onFailure(ctx::fail);
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
