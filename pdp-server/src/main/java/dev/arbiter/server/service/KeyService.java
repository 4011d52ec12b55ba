package dev.arbiter.server.service;

import dev.arbiter.server.Blocking;
import dev.arbiter.server.auth.KeyRegistry;
import dev.arbiter.server.auth.KeyRepository;
import dev.arbiter.server.auth.Role;
import dev.arbiter.server.auth.StoredKey;
import dev.arbiter.server.auth.Tokens;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.model.JsonEnum;
import dev.arbiter.store.model.PolicyValidator;
import dev.arbiter.store.model.Problem;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys: created, listed and deleted in the store, and in this replica's registry before the
 * answer goes out, so a new key works on the very next request and a deleted one no longer does.
 */
public final class KeyService {

    private static final int MAX_IDENTITY_LENGTH = 2048;

    private final KeyRepository repository;
    private final KeyRegistry registry;
    private final Blocking blocking;
    private final boolean mutualTls;

    /** @param mutualTls whether clients present certificates, without which keys cannot be bound to identities */
    public KeyService(KeyRepository repository, KeyRegistry registry, Blocking blocking, boolean mutualTls) {
        this.repository = repository;
        this.registry = registry;
        this.blocking = blocking;
        this.mutualTls = mutualTls;
    }

    /** What a create request asks for, as sent. */
    public record KeyRequest(String name, List<String> roles, Optional<String> identity) {}

    /** A key just created, with the token shown only now. */
    public record CreatedKey(StoredKey stored, String token) {}

    /** Creates the key; 422 for a request that is not valid, 409 when the name is taken. */
    public Future<CreatedKey> create(KeyRequest request, String creator) {
        Set<Role> roles = validate(request);
        String token = Tokens.generate();
        return blocking.run(() -> {
            StoredKey stored = repository.create(request.name(), roles, request.identity(), Tokens.hash(token),
                    creator);
            if (stored == null) {
                throw new ApiException(ErrorCode.CONFLICT, "a key named '" + request.name() + "' exists");
            }
            registry.add(stored);
            return new CreatedKey(stored, token);
        });
    }

    public Future<List<StoredKey>> list() {
        return blocking.run(repository::list);
    }

    /** Deletes the key; 404 when none has that name. */
    public Future<Void> delete(String name) {
        return blocking.run(() -> {
            if (!repository.delete(name)) {
                throw ApiException.notFound("no key named '" + name + "'");
            }
            registry.remove(name);
            return null;
        });
    }

    private Set<Role> validate(KeyRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (!PolicyValidator.NAME.matcher(request.name()).matches()) {
            problems.add(Problem.at("name", "must match " + PolicyValidator.NAME.pattern()));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < request.roles().size(); i++) {
            Role role = JsonEnum.fromJson(Role.class, request.roles().get(i));
            if (role == null) {
                problems.add(Problem.at("roles[" + i + "]", "must be one of check, policy-admin, auditor, admin"));
            } else {
                roles.add(role);
            }
        }
        if (request.roles().isEmpty()) {
            problems.add(Problem.at("roles", "must name at least one role"));
        }
        request.identity().ifPresent(uri -> validateIdentity(uri, problems));
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_KEY, "the key is not valid: " + problems.get(0).path() + " "
                    + problems.get(0).message(), problems);
        }
        return roles;
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
}
