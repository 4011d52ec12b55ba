package dev.arbiter.client;

import java.util.List;
import java.util.Map;

/**
 * What Arbiter's directory knows about a principal: merged into every decision about it (its roles
 * added to the caller's, its attributes winning over the caller's).
 *
 * @param type the principal's type, {@code ""} for none
 */
public record PrincipalEntry(String id, String type, List<String> roles, Map<String, Object> attr) {

    public PrincipalEntry {
        Checks.requireText(id, "principal id");
        type = type == null ? "" : type;
        roles = List.copyOf(roles);
        attr = JsonValues.object(attr, "attr");
    }

    public static PrincipalEntry of(String id) {
        return new PrincipalEntry(id, "", List.of(), Map.of());
    }

    public PrincipalEntry type(String type) {
        return new PrincipalEntry(id, type, roles, attr);
    }

    public PrincipalEntry roles(String... roles) {
        return new PrincipalEntry(id, type, List.of(roles), attr);
    }

    public PrincipalEntry attr(String key, Object value) {
        return new PrincipalEntry(id, type, roles, JsonValues.with(attr, key, value, "attr"));
    }
}
