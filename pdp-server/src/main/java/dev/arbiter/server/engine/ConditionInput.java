package dev.arbiter.server.engine;

import dev.cel.runtime.CelVariableResolver;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The CEL variables of one request. Built once per request and only when a condition is
 * evaluated; each variable's value is made on first use, as a {@link RequestMap}, which CEL
 * walks without allocating.
 */
final class ConditionInput implements CelVariableResolver {

    private final CheckRequest request;
    private final long nowMicros;
    private Optional<Object> principal;
    private Optional<Object> resource;

    ConditionInput(CheckRequest request, long nowMicros) {
        this.request = request;
        this.nowMicros = nowMicros;
    }

    @Override
    public Optional<Object> find(String name) {
        return switch (name) {
            case "principal" -> principal();
            case "resource" -> resource();
            case "action" -> Optional.of(request.action());
            case "context" -> Optional.of(request.context());
            case "actionAttr" -> Optional.of(request.actionAttr());
            case "now" -> Optional.of(Instant.EPOCH.plus(nowMicros, ChronoUnit.MICROS));
            default -> Optional.empty();
        };
    }

    private Optional<Object> principal() {
        if (principal == null) {
            Principal p = request.principal();
            RequestMap.Builder<Object> members = new RequestMap.Builder<>();
            members.put("id", p.id());
            members.put("type", p.type());
            members.put("roles", p.roles());
            members.put("attr", p.attr());
            principal = Optional.of(members.build());
        }
        return principal;
    }

    private Optional<Object> resource() {
        if (resource == null) {
            Resource r = request.resource();
            RequestMap.Builder<Object> members = new RequestMap.Builder<>();
            members.put("service", r.service());
            members.put("kind", r.kind());
            members.put("id", r.id());
            members.put("attr", r.attr());
            resource = Optional.of(members.build());
        }
        return resource;
    }
}
