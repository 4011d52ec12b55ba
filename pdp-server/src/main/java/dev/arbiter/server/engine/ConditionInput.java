package dev.arbiter.server.engine;

import dev.cel.runtime.CelVariableResolver;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL variables of one request. Built once per request and only when a condition is
 * evaluated; each variable's value is made on first use.
 */
final class ConditionInput implements CelVariableResolver {

    private final CheckRequest request;
    private final Instant now;
    private Optional<Object> principal;
    private Optional<Object> resource;

    ConditionInput(CheckRequest request, Instant now) {
        this.request = request;
        this.now = now;
    }

    @Override
    public Optional<Object> find(String name) {
        return switch (name) {
            case "principal" -> principal();
            case "resource" -> resource();
            case "action" -> Optional.of(request.action());
            case "context" -> Optional.of(request.context());
            case "now" -> Optional.of(now);
            default -> Optional.empty();
        };
    }

    private Optional<Object> principal() {
        if (principal == null) {
            Principal p = request.principal();
            principal = Optional.of(Map.of("id", p.id(), "roles", p.roles(), "attr", p.attr()));
        }
        return principal;
    }

    private Optional<Object> resource() {
        if (resource == null) {
            Resource r = request.resource();
            resource = Optional.of(Map.of("service", r.service(), "kind", r.kind(), "id", r.id(), "attr", r.attr()));
        }
        return resource;
    }
}
