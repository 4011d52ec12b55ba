package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.auth.ApiKey;
import dev.arbiter.server.service.KeyService;
import dev.arbiter.store.model.InvalidDocumentException;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.Problem;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/keys} (role admin). A token is shown once, in the answer that creates it. */
final class KeyHandler {

    private static final Set<String> KEY_FIELDS = Set.of("name", "roles", "identity");

    private final KeyService keys;

    KeyHandler(KeyService keys) {
        this.keys = keys;
    }

    void create(RoutingContext ctx) {
        keys.create(readRequest(Bodies.bytes(ctx)), Authenticator.caller(ctx).name())
                .onSuccess(created -> {
                    ObjectNode json = keyJson(created.stored().key());
                    json.put("token", created.token());
                    Responses.json(ctx, 201, json);
                })
                .onFailure(ctx::fail);
    }

    void list(RoutingContext ctx) {
        keys.list()
                .onSuccess(stored -> {
                    ObjectNode json = Responses.object();
                    ArrayNode array = json.putArray("keys");
                    stored.forEach(key -> array.add(keyJson(key.key())));
                    Responses.json(ctx, 200, json);
                })
                .onFailure(ctx::fail);
    }

    void delete(RoutingContext ctx) {
        keys.delete(ctx.pathParam("name"))
                .onSuccess(deleted -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    /** The request's fields, strictly: unknown fields and wrong types are 400s. */
    private static KeyService.KeyRequest readRequest(byte[] body) {
        List<Problem> shape = new ArrayList<>();
        JsonFields fields = JsonFields.of(PolicyJson.parse(body), "", KEY_FIELDS, shape);
        String name = fields == null ? "" : fields.requiredString("name");
        List<String> roles = fields == null ? List.of() : fields.stringList("roles", true);
        Optional<String> identity = Optional.ofNullable(fields == null ? null : fields.optionalString("identity"));
        if (!shape.isEmpty()) {
            throw InvalidDocumentException.invalidShape(shape);
        }
        return new KeyService.KeyRequest(name, roles, identity);
    }

    private static ObjectNode keyJson(ApiKey key) {
        ObjectNode json = Responses.object();
        json.put("name", key.name());
        ArrayNode roles = json.putArray("roles");
        key.roles().stream().sorted().forEach(role -> roles.add(role.json()));
        json.put("createdAt", key.createdAt().toString());
        json.put("createdBy", key.createdBy());
        key.identity().ifPresent(identity -> json.put("identity", identity));
        return json;
    }
}
