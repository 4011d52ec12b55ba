package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.Blocking;
import dev.arbiter.server.engine.PolicyCompiler;
import dev.arbiter.server.sync.PolicySync;
import dev.arbiter.store.jdbc.PolicyListing;
import dev.arbiter.store.jdbc.PolicyNotFoundException;
import dev.arbiter.store.jdbc.PolicyRepository;
import dev.arbiter.store.jdbc.PolicyWrite;
import dev.arbiter.store.jdbc.Precondition;
import dev.arbiter.store.model.Policy;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import dev.arbiter.store.model.StoredPolicy;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/**
 * Policy reads and writes. A write validates and compiles before anything is stored, and is
 * loaded into this replica's engine before it is answered (read-your-writes).
 */
final class PolicyHandler {

    private final PolicyRepository repository;
    private final PolicyCompiler compiler;
    private final PolicySync sync;
    private final Blocking blocking;

    PolicyHandler(PolicyRepository repository, PolicyCompiler compiler, PolicySync sync, Blocking blocking) {
        this.repository = repository;
        this.compiler = compiler;
        this.sync = sync;
        this.blocking = blocking;
    }

    void list(RoutingContext ctx) {
        Optional<String> service = Optional.ofNullable(ctx.queryParams().get("service"));
        blocking.run(() -> repository.list(service))
                .onSuccess(listing -> Responses.json(ctx, 200, listingJson(listing)))
                .onFailure(ctx::fail);
    }

    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking.run(() -> repository.find(id).orElseThrow(() -> new PolicyNotFoundException(id)))
                .onSuccess(stored -> {
                    ctx.response().putHeader(HttpHeaders.ETAG, Preconditions.etag(stored.version()));
                    Responses.json(ctx, 200, PolicyJson.toJson(stored));
                })
                .onFailure(ctx::fail);
    }

    void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Precondition precondition = Preconditions.of(ctx.request());
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        String actor = Authenticator.caller(ctx).name();
        blocking.run(() -> {
                    Policy policy = readPolicy(id, body);
                    PolicyWrite write = repository.put(policy, precondition, actor);
                    sync.catchUp();
                    return write;
                })
                .onSuccess(write -> answerWrite(ctx, write))
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

    void delete(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Precondition precondition = Preconditions.of(ctx.request());
        String actor = Authenticator.caller(ctx).name();
        blocking.run(() -> {
                    long revision = repository.delete(id, precondition, actor);
                    sync.catchUp();
                    return revision;
                })
                .onSuccess(revision -> ctx.response()
                        .putHeader(Responses.REVISION_HEADER, Long.toString(revision))
                        .setStatusCode(204)
                        .end())
                .onFailure(ctx::fail);
    }

    /** Parses, checks the id against the path, validates and compiles: 400 or 422 before any write. */
    private Policy readPolicy(String pathId, byte[] body) {
        JsonNode json = PolicyJson.parse(body);
        if (json.isObject() && !json.has("id")) {
            ((ObjectNode) json).put("id", pathId);
        }
        Policy policy = PolicyJson.read(json, "");
        if (!policy.id().equals(pathId)) {
            throw new ApiException(400, "id_mismatch", "the body's id '" + policy.id()
                    + "' differs from the id in the path '" + pathId + "'", List.of(Problem.at("id", "must equal the path id")));
        }
        requireValid(compiler, policy);
        return policy;
    }

    /** Throws the 422 listing every problem unless {@code policy} validates and compiles. */
    static void requireValid(PolicyCompiler compiler, Policy policy) {
        List<Problem> problems = compiler.check(policy);
        if (!problems.isEmpty()) {
            throw invalidPolicy(problems);
        }
    }

    static ApiException invalidPolicy(List<Problem> problems) {
        String message = problems.size() == 1
                ? "the policy is not valid: " + describe(problems.get(0))
                : "the policy is not valid: " + problems.size() + " problems";
        return new ApiException(422, "invalid_policy", message, problems);
    }

    private static String describe(Problem problem) {
        return problem.path().isEmpty() ? problem.message() : problem.path() + ": " + problem.message();
    }

    private static ObjectNode listingJson(PolicyListing listing) {
        ObjectNode json = Responses.object();
        ArrayNode policies = json.putArray("policies");
        listing.policies().forEach(stored -> policies.add(PolicyJson.toJson(stored)));
        json.put("revision", listing.revision());
        return json;
    }
}
