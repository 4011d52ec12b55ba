package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.service.PolicyService;
import dev.arbiter.store.jdbc.PolicyListing;
import dev.arbiter.store.jdbc.PolicyWrite;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.StoredPolicy;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code /v1/policies} and {@code /v1/policies/{id}}: reads and writes of single policies. */
final class PolicyHandler {

    private final PolicyService policies;

    PolicyHandler(PolicyService policies) {
        this.policies = policies;
    }

    void list(RoutingContext ctx) {
        policies.list(Optional.ofNullable(ctx.queryParams().get("service")))
                .onSuccess(listing -> Responses.json(ctx, 200, listingJson(listing)))
                .onFailure(ctx::fail);
    }

    void get(RoutingContext ctx) {
        policies.get(ctx.pathParam("id"))
                .onSuccess(stored -> {
                    ctx.response().putHeader(HttpHeaders.ETAG, Preconditions.etag(stored.version()));
                    Responses.json(ctx, 200, PolicyJson.toJson(stored));
                })
                .onFailure(ctx::fail);
    }

    void put(RoutingContext ctx) {
        policies.put(ctx.pathParam("id"), Bodies.json(ctx), Preconditions.of(ctx.request()),
                        Authenticator.caller(ctx).name())
                .onSuccess(write -> answerWrite(ctx, write))
                .onFailure(ctx::fail);
    }

    void delete(RoutingContext ctx) {
        policies.delete(ctx.pathParam("id"), Preconditions.of(ctx.request()), Authenticator.caller(ctx).name())
                .onSuccess(revision -> ctx.response()
                        .putHeader(Responses.REVISION_HEADER, Long.toString(revision))
                        .setStatusCode(204)
                        .end())
                .onFailure(ctx::fail);
    }

    /** Answers a create (201, with Location) or replace (200): the stored policy, its ETag and revision. */
    static void answerWrite(RoutingContext ctx, PolicyWrite write) {
        StoredPolicy stored = write.stored();
        ctx.response()
                .putHeader(HttpHeaders.ETAG, Preconditions.etag(stored.version()))
                .putHeader(Responses.REVISION_HEADER, Long.toString(stored.revision()));
        if (write.created()) {
            ctx.response().putHeader(HttpHeaders.LOCATION, "/v1/policies/" + stored.id());
        }
        Responses.json(ctx, write.created() ? 201 : 200, PolicyJson.toJson(stored));
    }

    private static ObjectNode listingJson(PolicyListing listing) {
        ObjectNode json = Responses.object();
        ArrayNode array = json.putArray("policies");
        listing.policies().forEach(stored -> array.add(PolicyJson.toJson(stored)));
        json.put("revision", listing.revision());
        return json;
    }
}
