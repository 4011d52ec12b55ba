package dev.arbiter.server.http;

import dev.arbiter.server.service.DirectoryService;
import dev.arbiter.store.model.ResourceRef;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /v1/entities}: the directory of principals and resources. Ids may hold '/' and ':'
 * (percent-encoded in the path, as {@code %2F} and {@code %3A}).
 */
final class EntityHandler {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final Set<String> PRINCIPAL_LIST = Set.of("type", "limit", "cursor");
    private static final Set<String> RESOURCE_LIST = Set.of("service", "kind", "limit", "cursor");

    private final DirectoryService directory;

    EntityHandler(DirectoryService directory) {
        this.directory = directory;
    }

    void apply(RoutingContext ctx) {
        boolean dryRun = QueryParams.flag(ctx, "dryRun");
        directory.apply(Bodies.bytes(ctx), dryRun, Authenticator.caller(ctx).name())
                .onSuccess(result -> {
                    if (result.written()) {
                        ctx.response().putHeader(Responses.REVISION_HEADER, Long.toString(result.revision()));
                    }
                    Responses.json(ctx, 200, EntityJson.applied(result, dryRun));
                })
                .onFailure(ctx::fail);
    }

    void principal(RoutingContext ctx) {
        directory.principal(ctx.pathParam("id"))
                .onSuccess(entry -> Responses.json(ctx, 200, EntityJson.principal(entry)))
                .onFailure(ctx::fail);
    }

    void resource(RoutingContext ctx) {
        directory.resource(ref(ctx))
                .onSuccess(entry -> Responses.json(ctx, 200, EntityJson.resource(entry)))
                .onFailure(ctx::fail);
    }

    void principals(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), PRINCIPAL_LIST);
        directory.principals(params.text("type"), EntityCursors.principalAfter(params.text("cursor")), limit(params))
                .onSuccess(page -> Responses.json(ctx, 200, EntityJson.principals(page)))
                .onFailure(ctx::fail);
    }

    void resources(RoutingContext ctx) {
        DecisionParams params = DecisionParams.of(ctx.queryParams(), RESOURCE_LIST);
        directory.resources(params.text("service"), params.text("kind"),
                        EntityCursors.resourceAfter(params.text("cursor")), limit(params))
                .onSuccess(page -> Responses.json(ctx, 200, EntityJson.resources(page)))
                .onFailure(ctx::fail);
    }

    void deletePrincipal(RoutingContext ctx) {
        answerDeletion(ctx, directory.deletePrincipal(ctx.pathParam("id"), Authenticator.caller(ctx).name()));
    }

    void deleteResource(RoutingContext ctx) {
        answerDeletion(ctx, directory.deleteResource(ref(ctx), Authenticator.caller(ctx).name()));
    }

    private static void answerDeletion(RoutingContext ctx, Future<Long> deletion) {
        deletion.onSuccess(revision -> ctx.response()
                        .putHeader(Responses.REVISION_HEADER, Long.toString(revision))
                        .setStatusCode(204)
                        .end())
                .onFailure(ctx::fail);
    }

    private static ResourceRef ref(RoutingContext ctx) {
        return new ResourceRef(ctx.pathParam("service"), ctx.pathParam("kind"), ctx.pathParam("id"));
    }

    private static int limit(DecisionParams params) {
        Integer limit = params.integer("limit", 1, MAX_LIMIT);
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
