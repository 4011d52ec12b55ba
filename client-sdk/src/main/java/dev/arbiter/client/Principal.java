package dev.arbiter.client;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who asks: {@code Principal.of("spiffe://acme.prod/ns/shop/sa/checkout").roles("service").attr("env", "prod")}.
 * Immutable; every method answers a new principal. Attribute values may be String, numbers,
 * Boolean, null, List or Map (with String keys), nested freely; they are sent as JSON.
 *
 * @param type what kind of principal this is (AuthZEN's subject type), {@code ""} for none
 */
public record Principal(String id, String type, List<String> roles, Map<String, Object> attr) {

    public Principal {
        Checks.requireText(id, "principal id");
        type = type == null ? "" : type;
        roles = List.copyOf(roles);
        attr = JsonValues.object(attr, "principal.attr");
    }

    /** A principal of no particular type. */
    public Principal(String id, List<String> roles, Map<String, Object> attr) {
        this(id, "", roles, attr);
    }

    public static Principal of(String id) {
        return new Principal(id, "", List.of(), Map.of());
    }

    /** This principal with its type, e.g. {@code user} or {@code workload}. */
    public Principal type(String type) {
        return new Principal(id, type, roles, attr);
    }

    /** This principal with exactly these roles. */
    public Principal roles(String... roles) {
        return roles(Arrays.asList(roles));
    }

    public Principal roles(Collection<String> roles) {
        return new Principal(id, type, List.copyOf(roles), attr);
    }

    /** This principal with the attribute {@code key} set to {@code value}. */
    public Principal attr(String key, Object value) {
        return new Principal(id, type, roles, JsonValues.with(attr, key, value, "principal.attr"));
    }

    /** This principal with every attribute of {@code attrs} added. */
    public Principal attrs(Map<String, ?> attrs) {
        return new Principal(id, type, roles, JsonValues.withAll(attr, attrs, "principal.attr"));
    }
}
