package dev.arbiter.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.server.Blocking;
import dev.arbiter.server.auth.ApiKey;
import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;
import dev.arbiter.server.auth.Role;
import dev.arbiter.server.auth.Tokens;
import dev.arbiter.store.model.InvalidDocumentException;
import dev.arbiter.store.model.JsonEnum;
import dev.arbiter.store.model.JsonFields;
import dev.arbiter.store.model.PolicyJson;
import dev.arbiter.store.model.PolicyValidator;
import dev.arbiter.store.model.Problem;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** API key management (role admin). A token is shown once, in the answer that creates it. */
final class KeyHandler {

    private static final Set<String> KEY_FIELDS = Set.of("name", "roles", "identity");
    private static final int MAX_IDENTITY_LENGTH = 2048;

    private final KeyRepository repository;
    private final KeyRegistry registry;
    private final Blocking blocking;
    private final boolean mutualTls;

    /** @param mutualTls whether clients present certificates, without which keys cannot be bound to identities */
    KeyHandler(KeyRepository repository, KeyRegistry registry, Blocking blocking, boolean mutualTls) {
        this.repository = repository;
        this.registry = registry;
        this.blocking = blocking;
        this.mutualTls = mutualTls;
    }

    /** What a create request asks for. */
    private record NewKey(String name, Set<Role> roles, Optional<String> identity) {}

    void create(RoutingContext ctx) {
        NewKey request = readNewKey(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        String creator = Authenticator.caller(ctx).name();
        String token = Tokens.generate();
        blocking.run(() -> repository.create(request.name(), request.roles(), request.identity(), Tokens.hash(token),
                        creator))
                .onSuccess(stored -> {
                    if (stored == null) {
                        ctx.fail(new ApiException(409, "conflict", "a key named '" + request.name() + "' exists"));
                        return;
                    }
                    registry.add(stored);
                    ObjectNode json = keyJson(stored.key());
                    json.put("token", token);
                    Responses.json(ctx, 201, json);
                })
                .onFailure(ctx::fail);
    }

    void list(RoutingContext ctx) {
        blocking.run(repository::list)
                .onSuccess(keys -> {
                    ObjectNode json = Responses.object();
                    ArrayNode array = json.putArray("keys");
                    keys.forEach(key -> array.add(keyJson(key.key())));
                    Responses.json(ctx, 200, json);
                })
                .onFailure(ctx::fail);
    }

    void delete(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        blocking.run(() -> repository.delete(name))
                .onSuccess(deleted -> {
                    if (!deleted) {
                        ctx.fail(ApiException.notFound("no key named '" + name + "'"));
                        return;
                    }
                    registry.remove(name);
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(ctx::fail);
    }

    private NewKey readNewKey(byte[] body) {
        List<Problem> shape = new ArrayList<>();
        JsonFields fields = JsonFields.of(PolicyJson.parse(body), "", KEY_FIELDS, shape);
        String name = fields == null ? "" : fields.requiredString("name");
        List<String> roleNames = fields == null ? List.of() : fields.stringList("roles", true);
        Optional<String> identity = Optional.ofNullable(fields == null ? null : fields.optionalString("identity"));
        if (!shape.isEmpty()) {
            throw InvalidDocumentException.invalidShape(shape);
        }
        List<Problem> problems = new ArrayList<>();
        if (!PolicyValidator.NAME.matcher(name).matches()) {
            problems.add(Problem.at("name", "must match " + PolicyValidator.NAME.pattern()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < roleNames.size(); i++) {
            Role role = JsonEnum.fromJson(Role.class, roleNames.get(i));
            if (role == null) {
                problems.add(Problem.at("roles[" + i + "]", "must be one of check, policy-admin, auditor, admin"));
            } else {
                roles.add(role);
            }
        }
        if (roleNames.isEmpty()) {
            problems.add(Problem.at("roles", "must name at least one role"));
        }
        identity.ifPresent(uri -> validateIdentity(uri, problems));
        if (!problems.isEmpty()) {
            throw new ApiException(422, "invalid_key", "the key is not valid: " + problems.get(0).path() + " "
                    + problems.get(0).message(), problems);
        }
        return new NewKey(name, roles, identity);
    }

    private void validateIdentity(String identity, List<Problem> problems) {
        if (!mutualTls) {
            problems.add(Problem.at("identity", "binding a key to a client identity needs mutual TLS"
                    + " (ARBITER_TLS_CLIENT_CA); this server does not ask clients for certificates"));
        } else if (identity.isEmpty() || identity.length() > MAX_IDENTITY_LENGTH || !isAbsoluteUri(identity)) {
            problems.add(Problem.at("identity", "must be the URI SAN of the client certificate, e.g."
                    + " spiffe://acme.prod/ns/shop/sa/checkout"));
        }
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
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
