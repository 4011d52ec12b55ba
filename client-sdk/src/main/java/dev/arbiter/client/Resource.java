package dev.arbiter.client;

import java.util.Map;

/**
 * What is asked for: {@code Resource.of("payments", "charge", "ch_1").attr("amount", 5000)}.
 * Immutable; every method answers a new resource. {@code kind} and {@code id} may be empty.
 */
public record Resource(String service, String kind, String id, Map<String, Object> attr) {

    public Resource {
        Checks.requireText(service, "resource service");
        kind = kind == null ? "" : kind;
        id = id == null ? "" : id;
        attr = JsonValues.object(attr, "resource.attr");
    }

    public static Resource of(String service) {
        return new Resource(service, "", "", Map.of());
    }

    public static Resource of(String service, String kind, String id) {
        return new Resource(service, kind, id, Map.of());
    }

    public Resource kind(String kind) {
        return new Resource(service, kind, id, attr);
    }

    public Resource id(String id) {
        return new Resource(service, kind, id, attr);
    }

    /** This resource with the attribute {@code key} set to {@code value}. */
    public Resource attr(String key, Object value) {
        return new Resource(service, kind, id, JsonValues.with(attr, key, value, "resource.attr"));
    }

    /** This resource with every attribute of {@code attrs} added. */
    public Resource attrs(Map<String, ?> attrs) {
        return new Resource(service, kind, id, JsonValues.withAll(attr, attrs, "resource.attr"));
    }
}
